import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { StaffCalendarResponse } from '@helsebro/contracts';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import {
  addCalendarDays,
  fromOslo,
  isoWeekday,
  osloDateOf,
  toOslo,
} from '../packages/server/src/platform/time/oslo-time.ts';
import { isWorkingDay } from '../packages/server/src/platform/time/working-days.ts';
import { longDay } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { planVisitToPer } from './support/home-care.ts';
import { chooseTestUser, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const PER = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
const NOTE = 'Lørdagsbesøk: morgenmedisin gitt, sårstell på leggen. Per hadde sovet godt.';
const PLANNED = '10:30';

/**
 * The first Saturday whose `time` (Europe/Oslo) is still ahead: computed from the real date, so the journey is on a
 * Saturday morning whatever weekday it runs on (today at 09:00 when it runs early on a Saturday).
 */
function comingSaturdayAt(time: string): { date: string; at: Date } {
  for (let date = osloDateOf(new Date()); ; date = addCalendarDays(date, 1)) {
    const at = fromOslo(date, time)!;
    if (isoWeekday(date) === 6 && at.getTime() > Date.now()) {
      return { date, at };
    }
  }
}

const SATURDAY = comingSaturdayAt('09:00');
/** What the journey did, checked in the store after the server has stopped. */
const seen: { visit?: string; siri?: string; doneTime?: string } = {};

/**
 * Home care at the weekend (issue 15): the server (DEV_CLOCK_START) and the browser (Playwright's clock) run from
 * the coming Saturday 09:00 Oslo time. Siri records Saturday's 10:30 visit to Per at about 09:05, before its planned
 * time; the page shows the real time, the unit is open that day though it is no working day, and the store keeps
 * the time it was done on that Saturday. home-care-visits.test.ts runs the round on the real date.
 */
void describe('home care at the weekend: a nurse records a visit before its planned time on a Saturday', () => {
  const journey = useJourney(
    {},
    {
      clockStart: SATURDAY.at,
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const [visit] = await store.query<{
            status: string;
            what_was_done: string;
            staff_personnel_id: string;
            early: boolean;
            since_clock_start: boolean;
            local_date: string;
            weekday: number;
            done_time: string;
            planned: string;
          }>(
            `SELECT a.status, v.what_was_done, v.staff_personnel_id, v.performed_at < a.starts_at AS early,
                    v.performed_at >= $2::timestamptz AS since_clock_start,
                    to_char(v.performed_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS local_date,
                    extract(isodow FROM v.performed_at AT TIME ZONE 'Europe/Oslo')::int AS weekday,
                    to_char(v.performed_at AT TIME ZONE 'Europe/Oslo', 'HH24:MI') AS done_time,
                    to_char(a.starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI') AS planned
               FROM appointments a JOIN completed_visits v ON v.appointment_id = a.id WHERE a.id = $1`,
            [seen.visit, SATURDAY.at.toISOString()],
          );
          assert.deepEqual(visit, {
            status: 'fulfilled',
            what_was_done: NOTE,
            staff_personnel_id: seen.siri,
            early: true,
            since_clock_start: true,
            local_date: SATURDAY.date,
            weekday: 6,
            done_time: seen.doneTime,
            planned: `${SATURDAY.date} ${PLANNED}`,
          });
          const [audit] = await store.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_log
              WHERE action = 'completed_visit.create' AND outcome = 'success' AND actor_id = $1
                AND resource_id = $2`,
            [seen.siri, seen.visit],
          );
          assert.equal(audit?.n, 1, 'the record is audited');
        } finally {
          await store.close();
        }
      },
    },
  );

  void it(
    `Siri marks Saturday ${SATURDAY.date}'s ${PLANNED} visit done in the morning, before its time`,
    { timeout: 180_000 },
    () =>
      journey.visit('home-care-weekend', PHONE, async ({ page, problems }) => {
        await page.goto('/');
        // The browser runs on the server's set clock, not the real date.
        const browserNow = await page.evaluate(() => Date.now());
        assert.equal(osloDateOf(new Date(browserNow)), SATURDAY.date);
        assert.ok(Math.abs(browserNow - journey.clockNow()) < 10_000, 'the browser clock is near the server clock');

        await page.getByRole('link', { name: 'Logg inn' }).click();
        await chooseTestUser(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');

        const plan = await planVisitToPer(page, { date: SATURDAY.date, time: PLANNED }, true);
        seen.siri = plan.siri;
        seen.visit = plan.id;
        // Home care is open on Saturday, and Saturday is still no working day (for deadlines).
        const day = (
          await apiAs(
            page.request,
            'GET',
            `/api/staff/appointments/units/${plan.unit.id}/calendar?date=${SATURDAY.date}`,
          )
        ).json as unknown as StaffCalendarResponse;
        assert.equal(isWorkingDay(SATURDAY.date), false);
        assert.deepEqual(
          { date: day.days[0]?.date, open: day.days[0]?.open, workingDay: day.days[0]?.workingDay },
          { date: SATURDAY.date, open: true, workingDay: false },
        );

        await page.getByRole('link', { name: 'Mine besøk i dag' }).click();
        await waitForHeading(page, 'Mine besøk i dag');
        // "Today" is the Saturday on the server, which chose the day.
        await page.getByText(`Dato: ${longDay(SATURDAY.date)}`).waitFor();
        const list = page.getByRole('list', { name: 'Besøk i tidsrekkefølge' });
        const card = list.getByRole('article', { name: `${PLANNED} Per Hansen` });
        await card.getByText('Hjemme, nøkkelboks ved døren').waitFor();
        await card.getByText(`${PER.streetAddress}, ${PER.postalCode} ${PER.postalPlace}`).waitFor();
        await card.getByText(`Planlagt ${PLANNED}`, { exact: false }).waitFor();
        await expectNoAxeViolations(page, "Siri's visits on Saturday, on a phone");

        await card.getByLabel('Merknad til besøket (valgfritt)').fill(NOTE);
        await card.getByRole('button', { name: `Utført: Per Hansen kl. ${PLANNED}` }).click();
        const done = card.getByText(/^Utført \d{2}:\d{2}, før planlagt tid/);
        await done.waitFor();
        const latest = toOslo(new Date(journey.clockNow())).time;
        const text = (await done.textContent()) ?? '';
        const doneTime = text.match(/^Utført (\d{2}:\d{2}),/)?.[1] ?? '';
        seen.doneTime = doneTime;
        assert.equal(text, `Utført ${doneTime}, før planlagt tid ${PLANNED} – ${NOTE}`);
        // The server's time of recording: after 09:00 that Saturday, no later than its clock now, long before 10:30.
        assert.ok(doneTime >= '09:00' && doneTime <= latest && latest < PLANNED, `done ${doneTime}, clock ${latest}`);
        await card.getByText(NOTE, { exact: false }).waitFor();
        await expectNoAxeViolations(page, 'the Saturday visit done early');
        assert.deepEqual(problems, []);
      }),
  );
});
