import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offsetClock, systemClock } from './platform.ts';

describe('offsetClock (DEV_CLOCK_START)', () => {
  it('reads the set instant at the anchor and runs forward in real time from there', () => {
    let real = Date.parse('2026-12-02T14:37:12.250Z'); // a Wednesday afternoon, really
    const clock = offsetClock(new Date('2026-12-05T09:00:00+01:00'), real, () => real);
    assert.equal(clock.now().toISOString(), '2026-12-05T08:00:00.000Z');
    real += 5 * 60_000 + 1_500;
    assert.equal(clock.now().toISOString(), '2026-12-05T08:05:01.500Z');
    // Anchored 2 s after the real now: the set instant is 2 s ahead, so the clock reads 2 s before it.
    const ahead = offsetClock(new Date('2026-12-05T09:00:00+01:00'), real + 2_000, () => real);
    assert.equal(ahead.now().toISOString(), '2026-12-05T07:59:58.000Z');
  });

  it('can be set into the past as well, and a new Date each time (callers may mutate it)', () => {
    const real = Date.parse('2026-12-02T14:00:00Z');
    const clock = offsetClock(new Date('2025-01-01T00:00:00Z'), real, () => real);
    const first = clock.now();
    first.setUTCFullYear(1999);
    assert.equal(clock.now().toISOString(), '2025-01-01T00:00:00.000Z');
  });

  it('runs on the real time by default, offset from the system clock by start − anchor', () => {
    const anchor = Date.now();
    const clock = offsetClock(new Date(anchor - 3 * 86_400_000), anchor);
    const behind = systemClock.now().getTime() - clock.now().getTime();
    // Read one after the other: three days apart, give or take the milliseconds between the two reads.
    assert.ok(Math.abs(behind - 3 * 86_400_000) < 1_000, `behind by ${behind} ms`);
  });
});
