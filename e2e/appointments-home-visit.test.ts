import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CapturedNoticesResponse, CitizenAppointmentsResponse } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { card, logIn, longDay, osloMinutesAhead } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const WHAT_WAS_DONE = 'Medisiner gitt etter plan. Blodtrykket målt, det var fint. Satt fram kveldsmat.';
const NOTICE_TEXT = 'Et besøk er registrert som utført på Helsebro. Logg inn for å se det.';

/**
 * The visit the nurse plans: a few minutes from now, so it is today (inside the one-working-day cancellation
 * deadline) and has started by the time she records it. Run within minutes of midnight in Oslo, "today" would move.
 */
const visit = osloMinutesAhead(2);
const shown: { appointmentId?: string; askedAbout?: string } = {};
const ASK = 'Kan dere komme etter klokka 11? Jeg har fysioterapi om morgenen.';
const ANSWER = 'Vi har dessverre ikke plass senere den dagen, så vi kommer som avtalt.';

void describe('a planned home visit: too late to cancel, then completed and notified', () => {
  const journey = useJourney(
    {},
    {
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const [per] = await store.query<{ id: string }>(
            `SELECT id FROM persons WHERE given_name = 'Per' AND family_name = 'Hansen'`,
          );
          const [a] = await store.query<Record<string, unknown>>(
            `SELECT status, person_id, location, cancelled_at FROM appointments WHERE id = $1`,
            [shown.appointmentId],
          );
          assert.deepEqual(a, { status: 'fulfilled', person_id: per?.id, location: 'Hjemme', cancelled_at: null });
          const visits = await store.query<{ id: string; what_was_done: string; staff: string }>(
            `SELECT v.id, v.what_was_done, p.given_name || ' ' || p.family_name AS staff
               FROM completed_visits v JOIN personnel p ON p.id = v.staff_personnel_id WHERE v.appointment_id = $1`,
            [shown.appointmentId],
          );
          assert.equal(visits.length, 1);
          assert.equal(visits[0]?.what_was_done, WHAT_WAS_DONE);
          assert.equal(visits[0]?.staff, 'Siri Sykepleier');
          const optIn = await store.query(`SELECT 1 FROM home_visit_notice_optins WHERE person_id = $1`, [per?.id]);
          assert.equal(optIn.length, 1, 'Per opted in');
          const notices = await store.query<{ template: string; state: string }>(
            `SELECT template, state FROM notification_notices WHERE event_key = $1 AND person_id = $2`,
            [`completed_visit:${visits[0]?.id}`, per?.id],
          );
          assert.deepEqual(notices, [{ template: 'visit_completed', state: 'sent' }]);
          const refusals = await store.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM appointment_requests WHERE appointment_id = $1`,
            [shown.appointmentId],
          );
          assert.equal(refusals[0]?.n, 0, 'the refused cancellation left nothing behind');
          const [asked] = await store.query<Record<string, unknown>>(
            `SELECT kind, status, comment, response, requested_by_person_id FROM appointment_requests
              WHERE appointment_id = $1`,
            [shown.askedAbout],
          );
          assert.deepEqual(asked, {
            kind: 'new_time',
            status: 'declined',
            comment: ASK,
            response: ANSWER,
            requested_by_person_id: per?.id,
          });
          const [unmoved] = await store.query<{ status: string }>(`SELECT status FROM appointments WHERE id = $1`, [
            shown.askedAbout,
          ]);
          assert.equal(unmoved?.status, 'booked', 'a declined request leaves the visit as it was');
        } finally {
          await store.close();
        }
      },
    },
  );

  void it(
    'Per chooses the notification level "Alt" and turns on a notice per completed visit',
    { timeout: 120_000 },
    () =>
      journey.visit('home-visit-opt-in', DESKTOP, async ({ page, problems }) => {
        await logIn(page, 'Per Hansen', 'Per Hansen');
        await citizenNav(page, 'Besøk');
        await waitForHeading(page, 'Besøk fra hjemmetjenesten');
        const notices = page.getByRole('region', { name: 'Varsel når et besøk er utført' });
        const box = notices.getByRole('checkbox', { name: 'Send meg et varsel hver gang et besøk er utført' });
        assert.equal(await box.isDisabled(), true, 'not possible below the level "Alt"');
        await notices.getByText(/Dette krever varslingsnivået «Alt»\. Nå har du «(Begrenset|Normal)»\./).waitFor();
        // The demo has visits done in the past days.
        await page.getByRole('region', { name: 'Utførte besøk' }).getByText('Dette ble gjort').first().waitFor();
        await expectNoAxeViolations(page, "Per's completed visits, notices not available");

        await notices.getByRole('link', { name: 'Gå til varslingsinnstillingene' }).click();
        await waitForHeading(page, 'Varsler');
        await page.getByRole('radio', { name: /^Alt/ }).check();
        await page.getByRole('button', { name: 'Lagre' }).click();
        await page.getByText('Valgene dine er lagret.').waitFor();

        await citizenNav(page, 'Besøk');
        await waitForHeading(page, 'Besøk fra hjemmetjenesten');
        await notices.getByText('Varslingsnivået ditt er «Alt».').waitFor();
        assert.equal(await box.isDisabled(), false);
        await box.focus();
        await page.keyboard.press('Space');
        await notices.getByRole('status').getByText('Varsel om utførte besøk er slått på.').waitFor();
        assert.equal(await box.isChecked(), true);
        await expectNoAxeViolations(page, 'notices turned on');
        assert.deepEqual(problems, []);
      }),
  );

  void it('Siri plans an extra visit to Per later today in the unit calendar', { timeout: 120_000 }, () =>
    journey.visit('home-visit-planned', DESKTOP, async ({ page, problems }) => {
      await openCalendar(page);
      await expectNoAxeViolations(page, "the home-care unit's calendar (day)");

      await page.getByRole('button', { name: 'Ny avtale' }).click();
      const form = page.getByRole('region', { name: 'Ny avtale hos Hjemmesykepleien' });
      await form.getByRole('button', { name: 'Opprett avtalen' }).click();
      await form.getByText('Velg innbygger.').first().waitFor();
      await form.getByLabel('Innbygger').selectOption({ label: 'Per Hansen, født 15. januar 1941' });
      assert.match((await form.getByLabel('Type').locator('option:checked').textContent()) ?? '', /^Hjemmebesøk/);
      await form.getByLabel('Dato').fill(visit.date);
      await form.getByLabel('Klokkeslett').fill(visit.time);
      await expectNoAxeViolations(page, 'the new-appointment form');
      await form.getByRole('button', { name: 'Opprett avtalen' }).click();
      await form
        .getByRole('status')
        .getByText(/^Avtalen med Per Hansen .* er opprettet\.$/)
        .waitFor();

      await page.getByRole('button', { name: 'I dag' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Per Hansen' }).filter({ hasText: visit.time });
      await row.getByText('Hjemmebesøk').waitFor();
      await row.getByText('Bestilt').waitFor();
      await row.getByText('Hjemme', { exact: true }).waitFor();

      await page.getByRole('group', { name: 'Visning' }).getByRole('button', { name: 'Uke' }).click();
      await page.getByRole('heading', { level: 2, name: /^Uke fra / }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Per Hansen' }).filter({ hasText: visit.time }).waitFor();
      await expectNoAxeViolations(page, 'the calendar, week view');
      assert.deepEqual(problems, []);
    }),
  );

  void it('Per cannot cancel it any more: the page says why and whom to call', { timeout: 120_000 }, () =>
    journey.visit('home-visit-too-late', DESKTOP, async ({ page, problems }) => {
      await logIn(page, 'Per Hansen', 'Per Hansen');
      await citizenNav(page, 'Timeavtaler');
      await waitForHeading(page, 'Timeavtaler');
      const list = (await apiAs(page.request, 'GET', '/api/appointments'))
        .json as unknown as CitizenAppointmentsResponse;
      const planned = list.appointments.find((a) => a.localDate === visit.date && a.localTime === visit.time);
      assert.ok(planned, 'the new visit is in the list');
      assert.equal(planned.cancellable, false);
      assert.equal(planned.notCancellableReason, 'deadline_passed');
      assert.ok(planned.unit.phone, 'the unit has a phone number');
      shown.appointmentId = planned.id;

      const item = card(page, `kl. ${visit.time}`).filter({ hasText: 'Hjemmebesøk' });
      await item.getByText('Hjemme', { exact: true }).waitFor();
      const refusal = item.getByTestId('cannot-cancel');
      await refusal.getByText('Du kan ikke avbestille denne timen her').waitFor();
      await refusal.getByText(/^Fristen for å avbestille digitalt var \S+ \d+\. \S+ \d{4}\.$/).waitFor();
      await refusal.getByText('Ring Hjemmesykepleien hvis du ikke kan komme:').waitFor();
      const phone = refusal.getByRole('link', { name: planned.unit.phone });
      assert.match((await phone.getAttribute('href')) ?? '', /^tel:\+?\d+$/);
      assert.equal(await item.getByRole('button', { name: /^Avbestill/ }).count(), 0, 'no cancel button');
      await expectNoAxeViolations(page, 'a visit too late to cancel');

      const refused = await apiAs(page.request, 'POST', `/api/appointments/${planned.id}/cancel`, {
        reason: 'illness',
      });
      assert.equal(refused.status, 422);
      assert.equal(refused.json.code, 'cancel_deadline_passed');
      assert.equal((refused.json.unit as { phone: string }).phone, planned.unit.phone);
      assert.equal(refused.json.reason, 'deadline_passed');

      // A later visit suits badly: Per asks for a new time, in his own words.
      const later = list.appointments.find(
        (a) => a.id !== planned.id && a.type.kind === 'home_visit' && a.status === 'booked' && a.mayRequestNewTime,
      );
      assert.ok(later, 'the demo plans more visits for Per');
      shown.askedAbout = later.id;
      const laterCard = card(page, `${longDay(later.localDate)}, kl. ${later.localTime}`);
      await laterCard.getByRole('button', { name: 'Be om ny time for Hjemmebesøk' }).click();
      await laterCard.getByRole('button', { name: 'Send forespørselen' }).click();
      await laterCard.getByText('Skriv når det passer bedre for deg.').first().waitFor();
      await laterCard.getByLabel('Når passer det bedre?').fill(ASK);
      await expectNoAxeViolations(page, 'asking for a new time');
      await laterCard.getByRole('button', { name: 'Send forespørselen' }).click();
      await page
        .getByRole('status')
        .getByText('Forespørselen om ny time er sendt. Hjemmesykepleien svarer deg.')
        .waitFor();
      await laterCard.getByText('Du har bedt om ny time. Hjemmesykepleien svarer deg.').waitFor();
      assert.equal(await laterCard.getByRole('button', { name: /Be om ny time/ }).count(), 0, 'one request at a time');
      assert.deepEqual(problems, []);
    }),
  );

  void it(
    'after the visit Siri records what was done; Per gets a notice and sees the visit',
    { timeout: 300_000 },
    () =>
      journey.visit('home-visit-completed', DESKTOP, async ({ page, problems, context }) => {
        // The visit has to have started before it can be recorded as done.
        const wait = visit.startsAt + 1_000 - Date.now();
        if (wait > 0) {
          await new Promise((r) => setTimeout(r, wait));
        }
        await openCalendar(page);
        // First Per's request: declined, with a message he will read on Min side.
        const requests = page.getByRole('region', { name: 'Forespørsler fra innbyggere' });
        const request = requests.getByRole('listitem').filter({ hasText: 'Ønsker ny time: Per Hansen' });
        await request.getByText(ASK, { exact: false }).waitFor();
        await request.getByText('Sendt av Per Hansen').waitFor();
        await expectNoAxeViolations(page, 'the calendar with a request to answer');
        await request.getByLabel('Melding til innbyggeren (valgfritt)').fill(ANSWER);
        await request.getByRole('button', { name: 'Avslå' }).click();
        await requests
          .getByRole('status')
          .getByText('Forespørselen fra Per Hansen er avslått. Innbyggeren får beskjed.')
          .waitFor();
        await requests.getByText('Ingen forespørsler venter på svar.').waitFor();
        const asked = await apiAs(page.request, 'GET', `/api/staff/appointments/${shown.askedAbout}`);
        assert.equal(asked.status, 200);
        assert.equal(asked.json.pendingRequest, null, 'nothing waits any more');
        assert.equal(asked.json.status, 'booked');
        const row = page.getByRole('row').filter({ hasText: 'Per Hansen' }).filter({ hasText: visit.time });
        await row.getByRole('button', { name: `Åpne avtalen kl. ${visit.time} med Per Hansen` }).click();
        const panel = page.getByRole('region', { name: /^Hjemmebesøk med Per Hansen/ });
        await expectNoAxeViolations(page, 'an appointment opened in the calendar');
        await panel.getByRole('button', { name: 'Lagre utført besøk' }).click();
        await panel.getByText('Skriv hva som ble gjort.').first().waitFor();
        await panel.getByLabel('Hva ble gjort?').fill(WHAT_WAS_DONE);
        await panel.getByRole('button', { name: 'Lagre utført besøk' }).click();
        await panel
          .getByRole('status')
          .getByText('Besøket hos Per Hansen er registrert som utført. Innbyggeren ser det på Min side.')
          .waitFor();
        await row.getByText('Gjennomført').waitFor();
        await row.getByText('Besøk registrert').waitFor();
        await expectNoAxeViolations(page, 'the calendar after recording the visit');

        // The notice (development capture store, as the operator sees it) says only that a visit is done.
        const operator = await context.browser()!.newContext({ baseURL: new URL(page.url()).origin });
        try {
          const op = await operator.newPage();
          await op.goto('/drift');
          await chooseTestUser(op, 'Ola Operatør');
          await waitForHeading(op, 'Driftskonsoll');
          const deadline = Date.now() + 60_000;
          let found: CapturedNoticesResponse['notices'] = [];
          while (found.length === 0 && Date.now() < deadline) {
            const res = (await (
              await op.request.get('/api/operator/outbox/captured')
            ).json()) as CapturedNoticesResponse;
            found = res.notices.filter((n) => n.body.includes(NOTICE_TEXT));
            if (found.length === 0) {
              await new Promise((r) => setTimeout(r, 500));
            }
          }
          assert.equal(found.length, 1, 'one notice of the completed visit');
          assert.ok(!found[0]!.body.includes('Blodtrykk'), 'no health information in the notice');
        } finally {
          await operator.close();
        }

        await page.context().clearCookies();
        await logIn(page, 'Per Hansen', 'Per Hansen');
        await citizenNav(page, 'Besøk');
        await waitForHeading(page, 'Besøk fra hjemmetjenesten');
        const done = page.locator('.hb-visit').filter({ hasText: WHAT_WAS_DONE });
        await done.getByRole('heading', { level: 3, name: new RegExp(`kl\\. ${visit.time}$`) }).waitFor();
        await done.getByText('Siri Sykepleier').waitFor();
        await done.getByText('Hjemmesykepleien').waitFor();
        await expectNoAxeViolations(page, "Per's completed visits with the new one");
        assert.deepEqual(problems, []);
      }),
  );
});

async function citizenNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name }).click();
}

/** Siri logs in and goes from the workspace to the calendar, as a new user would. */
async function openCalendar(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await chooseTestUser(page, 'Siri Sykepleier');
  await waitForHeading(page, 'Arbeidsflate');
  await page.getByRole('link', { name: 'Kalender og timeavtaler' }).click();
  await waitForHeading(page, 'Kalender');
  await page.getByText('Hjemmesykepleien').first().waitFor();
}
