import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { MunicipalitiesResponse } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { makeSyntheticNin } from '../packages/contracts/src/nin.ts';
import { readZip } from '../packages/server/src/platform/zip/testing/read-zip.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { logIn } from './support/appointments.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, waitForHeading } from './support/journey.ts';

const ADMIN = {
  hprNumber: '9300456',
  nin: makeSyntheticNin('1971-09-17'),
  givenName: 'Oddny',
  familyName: 'Oppsigersen',
};
const SERVICE = 'Bestille timer';
const REASON = 'Kommunen går over til en annen løsning for timebestilling.';

/** An Oslo calendar date `days` from today (YYYY-MM-DD). */
function osloDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A calendar date as the pages write it in bokmål ("4. februar 2027"). */
function nbDate(iso: string): string {
  const format = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${iso}T00:00:00Z`));
}

const VALID_DATE = osloDay(45);

/** The operator names Fjordvik's administrator through the operator's API. */
async function nameAdministrator(page: Page): Promise<void> {
  await page.goto('/auth/login?returnTo=%2Fdrift');
  await chooseTestUser(page, 'Ola Operatør');
  await waitForHeading(page, 'Driftskonsoll');
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
  const list = (await (
    await page.request.get('/api/operator/municipalities?q=Fjordvik')
  ).json()) as MunicipalitiesResponse;
  const fjordvik = list.items.find((m) => m.name === 'Fjordvik kommune');
  assert.ok(fjordvik, 'the demo has Fjordvik kommune');
  const res = await page.request.post(`/api/operator/municipalities/${fjordvik.id}/administrators`, {
    headers: { 'x-csrf-token': csrf },
    data: ADMIN,
  });
  assert.equal(res.status(), 201, await res.text());
}

/** What the journey left: one notice by the administrator, no wind-down, the services under notice, the audit. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
    const notices = await rows<{ kind: string; service_codes: string[]; effective_date: string; reason: string }>(
      `SELECT t.kind, t.service_codes, t.effective_date::text AS effective_date, t.reason
         FROM service_terminations t JOIN municipalities m ON m.id = t.municipality_id WHERE m.name = 'Fjordvik kommune'`,
    );
    assert.deepEqual(notices, [
      { kind: 'municipality_notice', service_codes: ['appointments.book'], effective_date: VALID_DATE, reason: REASON },
    ]);
    assert.deepEqual(
      await rows('SELECT id FROM operator_wind_downs'),
      [],
      'the wind-down without a reference left nothing',
    );
    const audited = await rows<{ action: string }>(
      `SELECT DISTINCT a.action FROM audit_log a JOIN personnel p ON a.actor_id = p.id::text
         WHERE p.nin = $1 AND a.outcome = 'success' AND a.action IN ('termination.notice', 'municipality.export')
         ORDER BY a.action`,
      [ADMIN.nin],
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['municipality.export', 'termination.notice'],
    );
  } finally {
    await db.close();
  }
}

void describe('termination: Fjordvik gives notice and downloads its export, the operator is refused, a citizen is told', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'a too short notice is refused at its date, a valid one is confirmed after the preview; the export is a zip with a manifest',
    { timeout: 300_000 },
    async () => {
      await journey.visit('operator-names-administrator', DESKTOP, async ({ page, problems }) => {
        await nameAdministrator(page);
        assert.deepEqual(problems, []);
      });

      await journey.visit('admin-termination', DESKTOP, async ({ page, problems }) => {
        await logInFromLanding(page, `${ADMIN.givenName} ${ADMIN.familyName}`);
        await waitForHeading(page, 'Arbeidsflate');
        await page.goto('/ansatt/admin/oppsigelse');
        await waitForHeading(page, 'Oppsigelse og eksport');
        const nav = page.getByRole('navigation', { name: 'Administrasjon' });
        assert.equal(
          await nav.getByRole('link', { name: 'Oppsigelse og eksport' }).getAttribute('aria-current'),
          'page',
        );
        await page.getByText('Kommunen har ingen oppsigelser eller varsler om avvikling.').waitFor();
        await expectNoAxeViolations(page, 'the termination page');

        // One week is shorter than the month seed 000 §6 asks: the preview is refused at the date.
        await page.getByLabel(SERVICE).check();
        await page.getByLabel('Gjelder fra (valgfritt)').fill(osloDay(7));
        await page.getByLabel('Begrunnelse').fill(REASON);
        await page.getByRole('button', { name: 'Se når oppsigelsen gjelder fra' }).click();
        const summary = page.locator('.hb-error-summary');
        await summary.getByRole('link', { name: /Oppsigelsestiden er minst én måned/ }).waitFor();
        assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary takes focus');
        const date = page.getByLabel('Gjelder fra (valgfritt)');
        assert.equal(await date.getAttribute('aria-invalid'), 'true');
        await summary.getByRole('link').click();
        assert.ok(await date.evaluate((el) => el === document.activeElement), 'the link moves focus to the date');
        await expectNoAxeViolations(page, 'the notice refused at its date');

        // A valid date: the preview shows when it takes effect, nothing is stored until it is confirmed.
        await date.fill(VALID_DATE);
        await page.getByRole('button', { name: 'Se når oppsigelsen gjelder fra' }).click();
        await page.getByText(`og gjelder fra ${nbDate(VALID_DATE)}.`, { exact: false }).waitFor();
        await page.getByText(`Tjenester som sies opp: ${SERVICE}.`).waitFor();
        await expectNoAxeViolations(page, 'the preview of the notice');
        await page.getByRole('button', { name: 'Bekreft oppsigelsen' }).click();
        await page
          .getByRole('status')
          .getByText(`Oppsigelsen er registrert. Tjenestene avsluttes ${nbDate(VALID_DATE)}.`)
          .waitFor();
        const table = page.getByRole('table', { name: 'Kommunens oppsigelser og varsler om avvikling' });
        const row = table.getByRole('row').nth(1);
        assert.deepEqual(
          (await row.getByRole('cell').allTextContents()).map((c) => c.trim()),
          ['Kommunens oppsigelse', SERVICE, nbDate(osloDay(0)), nbDate(VALID_DATE), 'Varslet', REASON],
        );
        // Under notice, the service is no longer offered for another notice.
        assert.equal(await page.getByLabel(SERVICE).count(), 0);

        // The export: a zip whose manifest lists the municipality's tables.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Last ned eksport' }).click(),
        ]);
        const files = readZip(await readFile(await download.path()));
        const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as {
          municipality?: { name?: string };
        };
        assert.equal(manifest.municipality?.name, 'Fjordvik kommune');
        assert.ok(
          files.has('service_terminations.json'),
          `the notice's table is exported: ${[...files.keys()].join(', ')}`,
        );
        await expectNoAxeViolations(page, 'the termination page after the notice');
        assert.deepEqual(problems, []);
      });

      await journey.visit('operator-wind-down', DESKTOP, async ({ page, problems }) => {
        await page.goto('/auth/login?returnTo=%2Fdrift%2Favvikling');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Avvikling av tjenester');
        await page.getByText('Ingen avviklinger er varslet.').waitFor();
        await page
          .getByRole('table', { name: 'Oppsigelser og varsler per kommune' })
          .getByText('Fjordvik kommune')
          .waitFor();
        await expectNoAxeViolations(page, 'the wind-down page');

        // Seed 000 §6: no wind-down without an instruction from a superior body.
        await page.getByLabel('Tjeneste').selectOption({ label: 'Dialog' });
        await page.getByLabel('Gjelder fra').fill(osloDay(200));
        await page.getByLabel('Begrunnelse').fill('Tjenesten erstattes av en nasjonal løsning.');
        await page.getByRole('button', { name: 'Varsle avviklingen' }).click();
        const summary = page.locator('.hb-error-summary');
        await summary.getByRole('link', { name: /instruks fra overordnet organ/ }).waitFor();
        const reference = page.getByLabel('Henvisning til instruks');
        assert.equal(await reference.getAttribute('aria-invalid'), 'true');
        await page.getByText('Ingen avviklinger er varslet.').waitFor();
        await expectNoAxeViolations(page, 'the wind-down refused without a reference');
        assert.deepEqual(problems, []);
      });

      await journey.visit('citizen-notice', DESKTOP, async ({ page, problems }) => {
        // Kari is a parent: she is asked whom she acts for, and chooses herself.
        await logIn(page, 'Kari Nordmann', 'Kari Nordmann');
        await waitForHeading(page, 'Min side');
        const notice = page.getByRole('heading', { name: 'Tjenester som avsluttes' });
        await notice.waitFor();
        await page.getByText(`Fjordvik kommune avslutter ${SERVICE} i Helsebro fra ${nbDate(VALID_DATE)}.`).waitFor();
        await page.getByText('Opplysningene om deg slettes ikke', { exact: false }).waitFor();
        await expectNoAxeViolations(page, 'Min side with the notice');
        assert.deepEqual(problems, []);
      });
    },
  );
});
