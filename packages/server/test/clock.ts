/**
 * A clock tests can move, for idle and absolute limits, deadlines and retention.
 * @param start - the first instant it shows
 */
export function movableClock(start = new Date('2026-03-02T08:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}
