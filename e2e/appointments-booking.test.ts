import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { card, chooseSlotByKeyboard, logIn } from './support/appointments.ts';
import { pathOf, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

/** What the journeys booked, checked in the store after the server has stopped. */
const booked: { kariVaccination?: string; emmaConsultation?: string } = {};

type Row = Record<string, unknown>;

/** A day as a legend writes it ("Mandag 7. desember 2026") as it reads mid-sentence (issue 15). */
const inSentence = (day: string) => day.charAt(0).toLowerCase() + day.slice(1);

void describe('citizens book and cancel appointments', () => {
  const journey = useJourney(
    {},
    {
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const q = (sql: string, params: unknown[]) => store.query<Row>(sql, params);
          const [kari] = await q(`SELECT id FROM persons WHERE given_name = 'Kari' AND family_name = 'Nordmann'`, []);
          const [emma] = await q(`SELECT id FROM persons WHERE given_name = 'Emma' AND family_name = 'Nordmann'`, []);
          assert.ok(booked.kariVaccination && booked.emmaConsultation, 'both journeys booked');

          const [vaccination] = await q(
            `SELECT a.person_id, a.status, a.self_booked, a.cancelled_by, a.cancelled_by_person_id,
                    a.cancellation_reason, a.slot_id, t.kind
               FROM appointments a JOIN appointment_types t ON t.id = a.appointment_type_id WHERE a.id = $1`,
            [booked.kariVaccination],
          );
          assert.deepEqual(vaccination, {
            person_id: kari?.id,
            status: 'cancelled',
            self_booked: true,
            cancelled_by: 'citizen',
            cancelled_by_person_id: kari?.id,
            cancellation_reason: 'illness',
            slot_id: vaccination?.slot_id,
            kind: 'vaccination',
          });
          // A cancelled booking gives its slot back: nobody holds it now, so it can be booked again.
          const holders = await q(`SELECT id FROM appointments WHERE slot_id = $1 AND status = 'booked'`, [
            vaccination?.slot_id,
          ]);
          assert.equal(holders.length, 0, 'the slot is free again');

          const [consultation] = await q(
            `SELECT person_id, status, self_booked, booked_by_person_id FROM appointments WHERE id = $1`,
            [booked.emmaConsultation],
          );
          assert.deepEqual(consultation, {
            person_id: emma?.id,
            status: 'booked',
            self_booked: true,
            booked_by_person_id: kari?.id,
          });
          const audit = await q(
            `SELECT acting_for_person_id, resource_id FROM audit_log
              WHERE subject_person_id = $1 AND action = 'appointment.book' AND outcome = 'success'`,
            [emma?.id],
          );
          assert.equal(audit.length, 1, "Kari's booking for Emma is in the audit log");
          assert.equal(audit[0]?.acting_for_person_id, emma?.id, 'on behalf of Emma');
        } finally {
          await store.close();
        }
      },
    },
  );

  void it(
    'Kari books a vaccination, sees it in her list and cancels it before the deadline',
    { timeout: 180_000 },
    () =>
      journey.visit('appointments-book-and-cancel', DESKTOP, async ({ page, problems }) => {
        await logIn(page, 'Kari Nordmann', 'Kari Nordmann');

        await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Timeavtaler' }).click();
        await waitForHeading(page, 'Timeavtaler');
        assert.equal(pathOf(page), '/min-side/timeavtaler');
        // Her emergency-ward time cannot be cancelled here: the page says so and whom to call.
        const ward = card(page, 'Time på legevakten');
        await ward.getByText('Du kan ikke avbestille denne timen her').waitFor();
        await ward.getByText('Denne typen time kan ikke avbestilles digitalt.').waitFor();
        assert.equal(await ward.getByRole('link', { name: '116 117' }).getAttribute('href'), 'tel:116117');
        assert.equal(await ward.getByRole('button', { name: /Avbestill/ }).count(), 0);
        await expectNoAxeViolations(page, "Kari's appointments");

        await page.getByRole('link', { name: 'Bestill time' }).click();
        await waitForHeading(page, 'Bestill time');
        await page.getByText('Steg 1 av 3').waitFor();
        await expectNoAxeViolations(page, 'booking, step 1');
        // Continuing without a choice names the problem.
        await page.getByRole('button', { name: 'Vis ledige tider' }).click();
        await page.getByText('Velg hva du vil bestille.').waitFor();
        await page.getByRole('radio', { name: /^Vaksinasjon – Vaksinasjonskontoret/ }).check();
        await page.getByRole('button', { name: 'Vis ledige tider' }).click();

        await page.getByRole('heading', { level: 2, name: 'Velg tid: Vaksinasjon hos Vaksinasjonskontoret' }).waitFor();
        await page.getByText('Steg 2 av 3').waitFor();
        await expectNoAxeViolations(page, 'booking, step 2 (free times by day)');
        // A day a week or more ahead, so the cancellation deadline (one working day before) is still open.
        const { day, time } = await chooseSlotByKeyboard(page, 'last');
        await page.getByRole('button', { name: 'Gå videre' }).click();

        await page.getByRole('heading', { level: 2, name: 'Se over og bekreft' }).waitFor();
        const summary = page.locator('dl');
        await summary.getByText(`${day} kl. ${time}`).waitFor();
        await summary.getByText('Du kan avbestille digitalt senest 1 virkedag før.').waitFor();
        await expectNoAxeViolations(page, 'booking, step 3 (confirm)');
        await page.getByRole('button', { name: 'Bekreft bestillingen' }).click();

        await page.waitForURL((url) => url.pathname === '/min-side/timeavtaler');
        await page
          .getByRole('status')
          .getByText(`Timen er bestilt: Vaksinasjon, ${inSentence(day)} kl. ${time}.`)
          .waitFor();
        const mine = card(page, `${day}, kl. ${time}`);
        await mine.getByText('Vaksinasjonskontoret').first().waitFor();
        await mine.getByText(/^Du kan avbestille her til og med /).waitFor();
        await expectNoAxeViolations(page, 'the list with the new booking');

        const list = await apiAs(page.request, 'GET', '/api/appointments');
        const created = (list.json.appointments as { id: string; type: { kind: string }; status: string }[]).find(
          (a) => a.type.kind === 'vaccination' && a.status === 'booked',
        );
        assert.ok(created, 'the server lists the booking');
        booked.kariVaccination = created.id;

        await mine.getByRole('button', { name: 'Avbestill timen: Vaksinasjon' }).click();
        await mine.getByRole('heading', { name: 'Avbestille timen' }).waitFor();
        await mine.getByRole('radio', { name: 'Jeg er syk' }).check();
        await expectNoAxeViolations(page, 'the cancellation form');
        await mine.getByRole('button', { name: 'Avbestill timen', exact: true }).click();

        await page
          .getByRole('status')
          .getByText(`Timen er avbestilt: Vaksinasjon, ${inSentence(day)}.`)
          .waitFor();
        await mine.getByText('Avbestilt', { exact: true }).waitFor();
        await mine.getByText('Du avbestilte timen.').waitFor();
        assert.equal(await mine.getByRole('button', { name: /Avbestill/ }).count(), 0, 'nothing left to cancel');
        await expectNoAxeViolations(page, 'the list after cancelling');

        // The same page in nynorsk and English: dates, times and rules in the reader's language.
        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await waitForHeading(page, 'Timeavtalar');
        await page.getByText('Du kan ikkje avbestille denne timen her').waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        await waitForHeading(page, 'Appointments');
        const english = page.locator('.hb-appt').filter({ hasText: 'Vaksinasjon' }).filter({ hasText: 'Cancelled' });
        await english
          .getByRole('heading', { level: 3, name: /^[A-Z][a-z]+day,? \d{1,2} [A-Z][a-z]+ \d{4}, at \d{2}:\d{2}/ })
          .waitFor();
        await english.getByText('You cancelled the appointment.').waitFor();
        await expectNoAxeViolations(page, 'the list in English');
        await page.getByRole('button', { name: 'Bokmål' }).click();
        await waitForHeading(page, 'Timeavtaler');
        assert.deepEqual(problems, []);
      }),
  );

  void it(
    'Kari books a health-station consultation for Emma (10), and can only look at Jonas (14)',
    { timeout: 180_000 },
    () =>
      journey.visit('appointments-parent-books', PHONE, async ({ page, problems }) => {
        await logIn(page, 'Kari Nordmann', 'Emma Nordmann');
        const bar = page.getByTestId('acting-for');
        await bar.getByText('Emma Nordmann').waitFor();

        await page.getByRole('link', { name: 'Timeavtaler' }).click();
        await waitForHeading(page, 'Timeavtalene til Emma Nordmann');
        const seeded = await apiAs(page.request, 'GET', '/api/appointments');
        // Every card, coming ones and the history (issue 15).
        const seededIds = new Set(
          [...(seeded.json.appointments as { id: string }[]), ...((seeded.json.history ?? []) as { id: string }[])].map(
            (a) => a.id,
          ),
        );
        const before = await page.locator('.hb-appt').count();
        assert.equal(before, seededIds.size);
        await page.getByRole('link', { name: 'Bestill time' }).click();
        await waitForHeading(page, 'Bestill time for Emma Nordmann');
        await page.getByRole('radio', { name: /^Helsestasjonskonsultasjon – Helsestasjonen/ }).check();
        await page.getByRole('button', { name: 'Vis ledige tider' }).click();
        await page
          .getByRole('heading', { level: 2, name: 'Velg tid: Helsestasjonskonsultasjon hos Helsestasjonen' })
          .waitFor();
        const { day, time } = await chooseSlotByKeyboard(page, 'first');
        await page.getByRole('button', { name: 'Gå videre' }).click();
        await page.getByRole('heading', { level: 2, name: 'Se over og bekreft' }).waitFor();
        await page.getByText('Du kan avbestille digitalt senest 2 virkedager før.').waitFor();
        await page.getByRole('button', { name: 'Bekreft bestillingen' }).click();

        await page.waitForURL((url) => url.pathname === '/min-side/timeavtaler');
        await waitForHeading(page, 'Timeavtalene til Emma Nordmann');
        await page
          .getByRole('status')
          .getByText(`Timen er bestilt: Helsestasjonskonsultasjon, ${inSentence(day)} kl. ${time}.`)
          .waitFor();
        const emmas = card(page, `${day}, kl. ${time}`);
        await emmas.getByRole('heading', { name: /Helsestasjonskonsultasjon/ }).waitFor();
        assert.equal(await emmas.count(), 1, 'one card for the new time');
        assert.equal(await page.locator('.hb-appt').count(), before + 1);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
        await expectNoAxeViolations(page, "Emma's appointments on a phone");
        const list = await apiAs(page.request, 'GET', '/api/appointments');
        booked.emmaConsultation = (list.json.appointments as { id: string }[]).find((a) => !seededIds.has(a.id))?.id;
        assert.ok(booked.emmaConsultation, 'the server lists the new booking');

        // Jonas is 14: his parents see his appointments, but cannot book or cancel for him.
        await bar.getByRole('link', { name: 'Bytt hvem du bruker Helsebro for' }).click();
        await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
        await page.getByRole('button', { name: 'Velg Jonas Nordmann' }).click();
        await page.waitForURL((url) => url.pathname === '/min-side');
        await page.getByRole('link', { name: 'Timeavtaler' }).click();
        await waitForHeading(page, 'Timeavtalene til Jonas Nordmann');
        await page.getByTestId('read-only').waitFor();
        await card(page, 'Vaksinasjon').getByText('Vaksinasjonskontoret').first().waitFor();
        assert.equal(await page.getByRole('link', { name: 'Bestill time' }).count(), 0);
        assert.equal(await page.getByRole('button', { name: /Avbestill|Be om ny time/ }).count(), 0);
        await expectNoAxeViolations(page, "Jonas' appointments, read only");
        const jonas = await apiAs(page.request, 'GET', '/api/appointments');
        assert.equal(jonas.json.mayManage, false);
        const jonasVaccination = (jonas.json.appointments as { id: string }[])[0];
        assert.ok(jonasVaccination, 'the demo booked Jonas a vaccination');
        const refused = await apiAs(page.request, 'POST', `/api/appointments/${jonasVaccination.id}/cancel`, {});
        assert.equal(refused.status, 403, 'the server refuses too');
        assert.equal(refused.json.code, 'service_area_not_granted');
        assert.deepEqual(problems, []);
      }),
  );
});
