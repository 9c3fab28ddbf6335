import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CitizenAppointmentsResponse } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { card, logIn, longDay } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const ASK = 'Kan dere komme på ettermiddagen i stedet?';
const CANCEL_NOTE = 'Vi må flytte ressurser den dagen. Ring oss om du trenger hjelp.';
/** What the journeys changed, checked in the store after the server has stopped. */
const seen: { moved?: string; cancelled?: string; asked?: string; newDate?: string } = {};

void describe('home care works its calendar: a new time given, a visit moved and one cancelled', () => {
  const journey = useJourney(
    {},
    {
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const [request] = await store.query<Record<string, unknown>>(
            `SELECT kind, status, comment FROM appointment_requests WHERE appointment_id = $1`,
            [seen.asked],
          );
          assert.deepEqual(request, { kind: 'new_time', status: 'accepted', comment: ASK });
          const [asked] = await store.query<{ status: string; local: string }>(
            `SELECT status, to_char(starts_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI') AS local
               FROM appointments WHERE id = $1`,
            [seen.asked],
          );
          assert.deepEqual(asked, { status: 'booked', local: `${seen.newDate} 13:00` });
          const [cancelled] = await store.query<Record<string, unknown>>(
            `SELECT status, cancelled_by, cancellation_reason, cancellation_comment FROM appointments WHERE id = $1`,
            [seen.cancelled],
          );
          assert.deepEqual(cancelled, {
            status: 'cancelled',
            cancelled_by: 'unit',
            cancellation_reason: 'unit_unavailable',
            cancellation_comment: CANCEL_NOTE,
          });
          const [moved] = await store.query<{ local: string }>(
            `SELECT to_char(starts_at AT TIME ZONE 'Europe/Oslo', 'HH24:MI') AS local FROM appointments WHERE id = $1`,
            [seen.moved],
          );
          assert.equal(moved?.local, '14:15');
        } finally {
          await store.close();
        }
      },
    },
  );

  void it('Knut asks for a new time on a planned visit', { timeout: 120_000 }, () =>
    journey.visit('calendar-knut-asks', PHONE, async ({ page, problems }) => {
      await logIn(page, 'Knut Dahl', 'Knut Dahl');
      await page.getByRole('link', { name: 'Timeavtaler' }).click();
      await waitForHeading(page, 'Timeavtaler');
      const list = (await apiAs(page.request, 'GET', '/api/appointments'))
        .json as unknown as CitizenAppointmentsResponse;
      const visits = list.appointments.filter((a) => a.type.kind === 'home_visit' && a.mayRequestNewTime);
      assert.ok(visits.length >= 3, 'the demo plans visits for Knut');
      const [asked, moved, cancelled] = visits.slice(-3);
      seen.asked = asked!.id;
      seen.moved = moved!.id;
      seen.cancelled = cancelled!.id;
      seen.newDate = asked!.localDate;
      const item = card(page, `${longDay(asked!.localDate)}, kl. ${asked!.localTime}`);
      await item.getByRole('button', { name: 'Be om ny time for Hjemmebesøk' }).click();
      await item.getByLabel('Når passer det bedre?').fill(ASK);
      await item.getByRole('button', { name: 'Send forespørselen' }).click();
      await item.getByText('Du har bedt om ny time. Hjemmesykepleien svarer deg.').waitFor();
      await expectNoAxeViolations(page, "Knut's appointments with a pending request, on a phone");
      assert.deepEqual(problems, []);
    }),
  );

  void it('Siri gives Knut the new time, moves one visit and cancels another', { timeout: 180_000 }, () =>
    journey.visit('calendar-siri-works', DESKTOP, async ({ page, problems }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Logg inn' }).click();
      await chooseTestUser(page, 'Siri Sykepleier');
      await page.getByRole('link', { name: 'Kalender og timeavtaler' }).click();
      await waitForHeading(page, 'Kalender');

      const requests = page.getByRole('region', { name: 'Forespørsler fra innbyggere' });
      const request = requests.getByRole('listitem').filter({ hasText: 'Ønsker ny time: Knut Dahl' });
      await request.getByText(ASK, { exact: false }).waitFor();
      // Accepting a new-time request needs the new time.
      await request.getByRole('button', { name: 'Godta' }).click();
      await request.getByText('Velg ny dato og nytt klokkeslett før du godtar.').waitFor();
      await request.getByLabel('Ny dato').fill(seen.newDate!);
      await request.getByLabel('Nytt klokkeslett').fill('13:00');
      await request.getByRole('button', { name: 'Godta' }).click();
      await requests
        .getByRole('status')
        .getByText('Forespørselen fra Knut Dahl er godtatt. Innbyggeren får beskjed.')
        .waitFor();

      // To the day of the visit to move, by date.
      const moved = (await apiAs(page.request, 'GET', `/api/staff/appointments/${seen.moved}`)).json as {
        localDate: string;
        localTime: string;
      };
      await page.getByLabel('Gå til dato').fill(moved.localDate);
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'Knut Dahl' }).first().waitFor();
      await expectNoAxeViolations(page, 'the calendar on another day');
      await openRow(page, moved.localTime);
      const panel = page.getByRole('region', { name: /^Hjemmebesøk med Knut Dahl/ });
      // The toggle says what hiding the names does, and the checkbox is described by it for a screen reader.
      const hideNames = panel.getByRole('checkbox', { name: 'Skjul navnet på ansatte for Knut Dahl' });
      const helpId = await hideNames.getAttribute('aria-describedby');
      assert.ok(helpId, 'the checkbox has a description');
      const help = (await page.locator(`[id="${helpId}"]`).textContent()) ?? '';
      assert.match(help, /^Knut Dahl og de som handler for hen ser da «Navnet vises ikke»/);
      await panel.getByRole('button', { name: 'Flytt', exact: true }).click();
      await panel.getByLabel('Nytt klokkeslett').fill('14:15');
      await panel.getByRole('button', { name: 'Flytt avtalen' }).click();
      await panel
        .getByRole('status')
        .getByText(/^Avtalen er flyttet til .* kl\. 14:15\. Innbyggeren får beskjed\.$/)
        .waitFor();
      await page.getByRole('row').filter({ hasText: 'Knut Dahl' }).filter({ hasText: '14:15' }).waitFor();

      const cancelled = (await apiAs(page.request, 'GET', `/api/staff/appointments/${seen.cancelled}`)).json as {
        localDate: string;
        localTime: string;
      };
      await page.getByLabel('Gå til dato').fill(cancelled.localDate);
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: longDay(cancelled.localDate) }).waitFor();
      await openRow(page, cancelled.localTime);
      const other = page.getByRole('region', { name: /^Hjemmebesøk med Knut Dahl/ });
      await other.getByRole('button', { name: 'Avlys', exact: true }).click();
      await other.getByLabel('Melding til innbyggeren (valgfritt)').fill(CANCEL_NOTE);
      await expectNoAxeViolations(page, 'cancelling a visit');
      await other.getByRole('button', { name: 'Avlys avtalen' }).click();
      await other.getByRole('status').getByText('Avtalen med Knut Dahl er avlyst. Innbyggeren får beskjed.').waitFor();
      await page
        .getByRole('row')
        .filter({ hasText: 'Knut Dahl' })
        .filter({ hasText: cancelled.localTime })
        .getByText('Avbestilt')
        .waitFor();
      assert.deepEqual(problems, []);
    }),
  );

  void it('Knut sees the new time, the moved visit and the cancelled one with the message', { timeout: 120_000 }, () =>
    journey.visit('calendar-knut-sees', DESKTOP, async ({ page, problems }) => {
      await logIn(page, 'Knut Dahl', 'Knut Dahl');
      await page.getByRole('link', { name: 'Timeavtaler' }).click();
      await waitForHeading(page, 'Timeavtaler');
      const list = (await apiAs(page.request, 'GET', '/api/appointments'))
        .json as unknown as CitizenAppointmentsResponse;
      const byId = new Map(list.appointments.map((a) => [a.id, a]));
      assert.equal(byId.get(seen.asked!)?.localTime, '13:00');
      assert.equal(byId.get(seen.asked!)?.pendingRequest, null);
      assert.equal(byId.get(seen.moved!)?.localTime, '14:15');
      assert.equal(byId.get(seen.cancelled!)?.status, 'cancelled');
      await card(page, 'kl. 13:00').getByText('Hjemmebesøk').first().waitFor();
      await card(page, 'kl. 14:15').getByText('Hjemmebesøk').first().waitFor();
      const gone = page.locator('.hb-appt').filter({ hasText: CANCEL_NOTE });
      await gone.getByText('Avbestilt', { exact: true }).waitFor();
      await gone.getByText('Enheten avlyste timen.').waitFor();
      await expectNoAxeViolations(page, "Knut's appointments after the unit's changes");
      assert.deepEqual(problems, []);
    }),
  );
});

async function openRow(page: Page, time: string): Promise<void> {
  await page.getByRole('button', { name: `Åpne avtalen kl. ${time} med Knut Dahl` }).click();
}
