import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { StaffCalendarResponse } from '@helsebro/contracts';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { isWorkingDay } from '../packages/server/src/platform/time/working-days.ts';
import { nextOsloAt, osloMinutesAhead } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { planVisitToPer } from './support/home-care.ts';
import { chooseTestUser, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';

const PER = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
const NOTE = 'Morgenmedisin gitt, blodtrykk 135/85. Per var i godt humør.';
/** What the journey did, checked in the store after the server has stopped. */
const seen: { visit?: string; siri?: string; date?: string; assigned?: string } = {};

/**
 * Home care on its round (issue 15): Siri opens "Mine besøk i dag" from the workspace on her phone and marks a
 * visit done before its planned time; the page shows the real time. These run on the coming 10:00 in Oslo (a
 * weekday or not, as it falls); home-care-weekend.test.ts runs the same round on a Saturday morning. Both set the
 * server's and the browser's clock (`useJourney`'s `clockStart`, DEV_CLOCK_START).
 */
void describe('home care: a nurse records a visit before its planned time', () => {
  // From the coming 10:00 in Oslo: visits an hour or two ahead are today's whatever hour the journey runs.
  const journey = useJourney(
    {},
    {
      clockStart: nextOsloAt('10:00'),
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const [visit] = await store.query<{
            status: string;
            what_was_done: string;
            staff_personnel_id: string;
            early: boolean;
            local_date: string;
          }>(
            `SELECT a.status, v.what_was_done, v.staff_personnel_id, v.performed_at < a.starts_at AS early,
                    to_char(v.performed_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS local_date
               FROM appointments a JOIN completed_visits v ON v.appointment_id = a.id WHERE a.id = $1`,
            [seen.visit],
          );
          assert.deepEqual(visit, {
            status: 'fulfilled',
            what_was_done: NOTE,
            staff_personnel_id: seen.siri,
            early: true,
            local_date: seen.date,
          });
          const [audit] = await store.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_log
              WHERE action = 'completed_visit.create' AND outcome = 'success' AND actor_id = $1
                AND resource_id = $2`,
            [seen.siri, seen.visit],
          );
          assert.equal(audit?.n, 1, 'the record is audited');
          const [assigned] = await store.query<{ staff_personnel_id: string; by: string }>(
            `SELECT a.staff_personnel_id, p.given_name AS by FROM appointments a
               JOIN audit_log l ON l.resource_id = a.id::text AND l.action = 'appointment.update' AND l.outcome = 'success'
               JOIN personnel p ON p.id::text = l.actor_id
              WHERE a.id = $1`,
            [seen.assigned],
          );
          assert.deepEqual(assigned, { staff_personnel_id: seen.siri, by: 'Tone' });
        } finally {
          await store.close();
        }
      },
    },
  );

  void it('Siri marks a visit done before its time, on a phone', { timeout: 180_000 }, () =>
    journey.visit('home-care-early-visit', PHONE, async ({ page, problems }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Logg inn' }).click();
      await chooseTestUser(page, 'Siri Sykepleier');
      await waitForHeading(page, 'Arbeidsflate');

      // A visit to Per later today, planned for Siri as the unit's calendar plans one.
      const plan = await planVisitToPer(page, osloMinutesAhead(45, journey.clockNow()), true);
      const { at, unit } = plan;
      seen.siri = plan.siri;
      seen.date = at.date;
      seen.visit = plan.id;
      // The unit works that day whatever day it is; a weekend or holiday is still no working day for deadlines.
      const day = (
        await apiAs(page.request, 'GET', `/api/staff/appointments/units/${unit.id}/calendar?date=${at.date}`)
      ).json as unknown as StaffCalendarResponse;
      assert.deepEqual(
        { open: day.days[0]?.open, workingDay: day.days[0]?.workingDay },
        { open: true, workingDay: isWorkingDay(at.date) },
      );

      await page.getByRole('link', { name: 'Mine besøk i dag' }).click();
      await waitForHeading(page, 'Mine besøk i dag');
      const list = page.getByRole('list', { name: 'Besøk i tidsrekkefølge' });
      const card = list.getByRole('article', { name: `${at.time} Per Hansen` });
      await card.getByText('Hjemme, nøkkelboks ved døren').waitFor();
      await card.getByText(`${PER.streetAddress}, ${PER.postalCode} ${PER.postalPlace}`).waitFor();
      await expectNoAxeViolations(page, "Siri's visits today, on a phone");

      await card.getByLabel('Merknad til besøket (valgfritt)').fill(NOTE);
      await card.getByRole('button', { name: `Utført: Per Hansen kl. ${at.time}` }).click();
      const done = card.getByText(/^Utført \d{2}:\d{2}, før planlagt tid/);
      await done.waitFor();
      const text = (await done.textContent()) ?? '';
      assert.match(text, new RegExp(`før planlagt tid ${at.time}`));
      assert.ok((text.match(/^Utført (\d{2}:\d{2})/)?.[1] ?? '99:99') < at.time, 'the real time, before the plan');
      await card.getByText(NOTE, { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'the visit done early');
      assert.deepEqual(problems, []);
    }),
  );

  void it("Tone, the unit's leader, gives a visit to Siri; the page in nynorsk and English", { timeout: 180_000 }, () =>
    journey.visit('home-care-assign', DESKTOP, async ({ page, problems }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Logg inn' }).click();
      await chooseTestUser(page, 'Tone Leder');
      await waitForHeading(page, 'Arbeidsflate');
      const plan = await planVisitToPer(page, osloMinutesAhead(90, journey.clockNow()), false);
      seen.assigned = plan.id;

      await page.getByRole('link', { name: 'Mine besøk i dag' }).click();
      await waitForHeading(page, 'Mine besøk i dag');
      const share = page.getByRole('region', { name: 'Fordel dagens besøk – Hjemmesykepleien' });
      const row = share.getByRole('listitem').filter({ hasText: `Kl. ${plan.at.time} hos Per Hansen` });
      await row.getByLabel(`Kl. ${plan.at.time} hos Per Hansen: hvem går?`).selectOption({ label: 'Siri Sykepleier' });
      await row.getByRole('button', { name: 'Tildel' }).click();
      await row.getByRole('status').getByText('Tildelt Siri Sykepleier.').waitFor();
      await expectNoAxeViolations(page, "the leader's page after assigning");

      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await page.getByRole('region', { name: 'Fordel besøka i dag – Hjemmesykepleien' }).waitFor();
      await expectNoAxeViolations(page, 'Mine besøk i dag (nynorsk)');
      await page.getByRole('button', { name: 'English' }).click();
      await waitForHeading(page, 'My visits today');
      await page.getByRole('heading', { name: 'Record a visit outside the plan' }).waitFor();
      await expectNoAxeViolations(page, 'My visits today (English)');
      await page.getByRole('button', { name: 'Bokmål' }).click();
      await waitForHeading(page, 'Mine besøk i dag');
      assert.deepEqual(problems, []);
    }),
  );
});
