import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading, waitForCount } from './support/journey.ts';
import { ninOf } from './support/people.ts';

/** An Oslo calendar date `days` from today (YYYY-MM-DD). */
function osloDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

void describe('a nurse registers and ends a care relation; the citizen sees the unit come and go', () => {
  const journey = useJourney();

  void it(
    'registers Nora at home care, Nora can write to it, the nurse ends it and Nora sees it as former',
    { timeout: 240_000 },
    () =>
      journey.visit('nurse-registers-care-relation', DESKTOP, async ({ page, problems }) => {
        const started = Date.now();
        await logInFromLanding(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');
        await page.getByRole('link', { name: 'Brukere av tjenesten' }).click();
        await waitForHeading(page, 'Brukere av tjenesten');
        await expectNoAxeViolations(page, "the unit's care relations");

        const form = page.getByRole('region', { name: 'Registrer bruker' });
        await form.getByLabel('Fødselsnummer').fill('12345678901');
        await form.getByRole('button', { name: 'Registrer' }).click();
        await form.getByText('Dette er ikke et gyldig fødselsnummer.', { exact: false }).waitFor();
        assert.equal(await form.getByLabel('Fødselsnummer').getAttribute('aria-invalid'), 'true');

        await form.getByLabel('Fødselsnummer').fill(ninOf('Nora'));
        await form.getByLabel('Startdato').fill(osloDay(-7));
        await form.getByRole('button', { name: 'Registrer' }).click();
        await page.getByText('Nora Bakken er registrert som bruker av tjenesten.').waitFor();

        await page.getByRole('search').getByLabel('Søk etter navn').fill('bakken');
        await page.getByRole('search').getByRole('button', { name: 'Søk etter navn' }).click();
        const row = page.getByRole('row', { name: /Nora Bakken/ });
        await row.waitFor();
        assert.equal(await waitForCount(page.getByRole('row'), 2), 2, 'the header and Nora only');

        await journey.visit('nora-sees-the-unit', PHONE, async (nora) => {
          await logInFromLanding(nora.page, 'Nora Bakken');
          await waitForHeading(nora.page, 'Min side');
          const contacts = nora.page.getByRole('region', { name: 'Helsekontakter i kommunen' });
          await contacts.getByText('Hjemmesykepleien', { exact: false }).first().waitFor();
          await contacts.getByRole('link', { name: 'Skriv til Hjemmesykepleien' }).waitFor();
          await expectNoAxeViolations(nora.page, "Nora's health contacts with home care");
          // The relation is what lets her write: the unit is offered, and the message goes.
          await contacts.getByRole('link', { name: 'Skriv til Hjemmesykepleien' }).click();
          await waitForHeading(nora.page, 'Ny melding');
          assert.ok(await nora.page.getByRole('radio', { name: /^Hjemmesykepleien/ }).isChecked());
          await nora.page.getByRole('textbox', { name: /^Emne/ }).fill('Hei fra Nora');
          await nora.page.getByRole('textbox', { name: /^Melding/ }).fill('Takk for at dere kommer på besøk.');
          await nora.page.getByRole('button', { name: 'Send melding' }).click();
          await nora.page.getByText('Meldingen er sendt til Hjemmesykepleien.', { exact: false }).waitFor();
          assert.deepEqual(nora.problems, []);
        });

        await row.getByRole('button', { name: 'Avslutt: Nora Bakken' }).click();
        const end = page.getByRole('form', { name: 'Avslutt for Nora Bakken' });
        await end.getByLabel('Siste dag med tjenester').fill(osloDay(-1));
        await end.getByLabel('Årsak').selectOption('moved');
        await end.getByRole('button', { name: 'Avslutt tjenesteforholdet' }).click();
        await page.getByText('Tjenesteforholdet for Nora Bakken er avsluttet.').waitFor();
        await expectNoAxeViolations(page, 'the list after ending');

        await journey.visit('nora-sees-it-as-former', PHONE, async (nora) => {
          await logInFromLanding(nora.page, 'Nora Bakken');
          await waitForHeading(nora.page, 'Min side');
          const contacts = nora.page.getByRole('region', { name: 'Helsekontakter i kommunen' });
          await contacts.getByText('Tidligere: Hjemmesykepleien').waitFor();
          await contacts.getByText('Ingen tjenester fra kommunen akkurat nå.').waitFor();
          assert.deepEqual(nora.problems, []);
        });
        assert.deepEqual(problems, []);
        process.stdout.write(`care-relations journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }),
  );
});
