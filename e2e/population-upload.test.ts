import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { makeSyntheticNin } from '../packages/contracts/src/nin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, escapeRegExp, tabTo, waitForHeading } from './support/journey.ts';

const NIN = makeSyntheticNin('1991-03-14', 41);
const person = (fornavn: string) => ({
  identifikasjonsnummer: NIN,
  navn: { fornavn, etternavn: 'Opplastersen' },
  foedsel: { foedselsdato: '1991-03-14' },
  bostedsadresse: {
    kommunenummer: '9901',
    vegadresse: { adressenavn: 'Fjordgata', husnummer: '7', postnummer: '9990', poststed: 'FJORDVIK' },
  },
});

/**
 * A register extract of three change events: a person created, then renamed, and a third whose birth date does not
 * match the number it gives (refused at line 3, docs/population-register.md).
 */
const EXTRACT = [
  { type: 'person.created', sequence: 7001, person: person('Siri') },
  { type: 'person.changed', sequence: 7002, person: person('Sigrid') },
  {
    type: 'person.created',
    sequence: 7003,
    person: { ...person('Feil'), identifikasjonsnummer: makeSyntheticNin('1992-04-15', 42) },
  },
]
  .map((e) => JSON.stringify(e))
  .join('\n');

/** Chooses the extract in the file input, then sends it with the keyboard (Tab to the button, Enter). */
async function upload(page: Page, fileLabel: string, submit: string): Promise<void> {
  await page.getByLabel(fileLabel).setInputFiles({
    name: 'uttrekk.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(EXTRACT),
  });
  await page.getByLabel(fileLabel).focus();
  await tabTo(page, submit, 5);
  await page.keyboard.press('Enter');
}

/** The dl's value for a count, as the user reads it beside its term. */
async function count(page: Page, term: string): Promise<string | null> {
  return page
    .locator('dt', { hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
}

/** The person was created and renamed once, and the two imports were audited with their counts. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const { rows } = await db.query<{ given_name: string; municipality: string }>(
      `SELECT p.given_name, m.name AS municipality FROM persons p JOIN municipalities m ON m.id = p.municipality_id
         WHERE p.family_name = 'Opplastersen'`,
    );
    assert.deepEqual(rows, [{ given_name: 'Sigrid', municipality: 'Fjordvik kommune' }]);
    const audited = await db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'population_register.import' AND actor_kind = 'operator' ORDER BY id",
    );
    assert.deepEqual(
      audited.rows.map((r) => r.details),
      [
        { format: 'ndjson', created: 1, changed: 1, unchanged: 0, refused: 1 },
        { format: 'ndjson', created: 0, changed: 0, unchanged: 2, refused: 1 },
      ],
    );
  } finally {
    await db.close();
  }
}

void describe('the operator reads a register extract in at /drift/folkeregister', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'uploads an .ndjson extract and sees created, changed and refused with the place and reason; again in English as unchanged',
    { timeout: 180_000 },
    () =>
      journey.visit('population-upload', DESKTOP, async ({ page, problems }) => {
        await page.goto('/auth/login?returnTo=%2Fdrift%2Ffolkeregister');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Folkeregisteret');
        await expectNoAxeViolations(page, 'the population register import');

        // Sending without a file is refused at the file input.
        await page.getByRole('button', { name: 'Les inn' }).click();
        await page.getByRole('heading', { name: 'Uttrekket ble ikke lest inn' }).waitFor();
        assert.equal(await page.getByLabel('Registeruttrekk').getAttribute('aria-invalid'), 'true');
        await expectNoAxeViolations(page, 'the import refused without a file');

        await upload(page, 'Registeruttrekk', 'Les inn');
        await page.getByRole('status').getByText('uttrekk.ndjson er lest inn.').waitFor();
        assert.equal(await count(page, 'Nye personer'), '1');
        assert.equal(await count(page, 'Endret'), '1');
        assert.equal(await count(page, 'Uendret'), '0');
        assert.equal(await count(page, 'Avvist'), '1');
        const refusals = page.getByRole('table', { name: 'Avviste oppføringer' });
        const row = refusals.getByRole('row', { name: /Linje 3/ });
        assert.match((await row.textContent()) ?? '', /foedsel\.foedselsdato/);
        // The reason names the field, never the identity number.
        assert.doesNotMatch((await refusals.textContent()) ?? '', /\d{11}/);
        assert.equal(await page.getByLabel('Registeruttrekk').getAttribute('aria-invalid'), null);
        await expectNoAxeViolations(page, 'the import result');

        // The same extract again, in English: the applied events are unchanged, the bad one is refused again.
        await page.getByRole('button', { name: 'English' }).first().click();
        await waitForHeading(page, 'Population register');
        await upload(page, 'Register extract', 'Read in');
        await page.getByRole('status').getByText('uttrekk.ndjson has been read in.').waitFor();
        assert.equal(await count(page, 'New persons'), '0');
        assert.equal(await count(page, 'Unchanged'), '2');
        assert.equal(await count(page, 'Refused'), '1');
        await page
          .getByRole('table', { name: 'Refused records' })
          .getByRole('row', { name: /Line 3/ })
          .waitFor();
        await expectNoAxeViolations(page, 'the import result in English');

        assert.deepEqual(problems, []);
      }),
  );
});
