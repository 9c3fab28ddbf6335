import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { MunicipalitiesResponse } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { makeSyntheticNin } from '../packages/contracts/src/nin.ts';
import { orgNumberCheckDigit } from '../packages/contracts/src/org-number.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, pathOf, waitForHeading, waitForCount } from './support/journey.ts';

const NAME = 'Havøy kommune';
const NUMBER = '9911';
const ORG_NUMBER = '921000111';
/** The same number with a wrong check digit. */
const BAD_ORG_NUMBER = '921000112';
const ADMIN = { hpr: '9200123', nin: makeSyntheticNin('1979-03-14'), given: 'Mona', family: 'Strand' };
const PRODUCT = { vendor: 'Testleverandør AS', name: 'Omsorg Pluss' };

/**
 * Presses Tab from where focus is until the field with `id` has it, as a keyboard user reaches a form.
 * @param limit - how many Tabs to try before failing
 */
async function tabToField(page: Page, id: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) {
      return;
    }
  }
  throw new Error(`The field #${id} was not reached within ${limit} Tab presses`);
}

/**
 * Registers `count` more municipalities through the operator's API (as the page would), so the list has more
 * than one page of 25.
 */
async function registerMore(page: Page, count: number): Promise<void> {
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
  // Organisation numbers 92102000x… whose first eight digits have a check digit (some have none).
  const orgNumbers: string[] = [];
  for (let k = 0; orgNumbers.length < count; k++) {
    const first = `92102${String(k).padStart(3, '0')}`;
    const digit = orgNumberCheckDigit(first);
    if (digit !== null) {
      orgNumbers.push(`${first}${digit}`);
    }
  }
  for (const [i, orgNumber] of orgNumbers.entries()) {
    const res = await page.request.post('/api/operator/municipalities', {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: `Prøvekommune ${i + 1}`,
        orgNumber,
        number: String(9920 + i),
        contactName: 'Per Post',
        contactEmail: `post${i}@example.org`,
        contactPhone: '+47 99 11 22 33',
      },
    });
    assert.equal(res.status(), 201, await res.text());
  }
}

/** What the journey left in the store: the municipality, its administrator, the product and the audit entries. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
    const munis = await rows<{ id: string; name: string; number: string; contact_email: string }>(
      `SELECT id, name, number, contact_email FROM municipalities WHERE org_number = $1`,
      [ORG_NUMBER],
    );
    assert.equal(munis.length, 1);
    assert.deepEqual(
      { name: munis[0]!.name, number: munis[0]!.number, email: munis[0]!.contact_email },
      { name: NAME, number: NUMBER, email: 'postmottak@havoy.kommune.no' },
    );
    const municipalityId = munis[0]!.id;
    assert.deepEqual(await rows(`SELECT id FROM municipalities WHERE org_number = $1`, [BAD_ORG_NUMBER]), []);

    const admins = await rows<{ hpr_number: string; given_name: string; role: string }>(
      `SELECT p.hpr_number, p.given_name, r.role FROM personnel_roles r JOIN personnel p ON p.id = r.personnel_id
       WHERE r.municipality_id = $1`,
      [municipalityId],
    );
    assert.deepEqual(admins, [{ hpr_number: ADMIN.hpr, given_name: ADMIN.given, role: 'municipal_admin' }]);

    const products = await rows<{ versions: string[]; services: string[] }>(
      `SELECT versions, services FROM epj_products WHERE vendor = $1 AND name = $2`,
      [PRODUCT.vendor, PRODUCT.name],
    );
    assert.deepEqual(products, [{ versions: ['3.1', '3.2'], services: ['dialog', 'appointments.book'] }]);

    const audited = await rows<{ action: string }>(
      // This console's own actions; the panels of other features on the page audit theirs.
      `SELECT DISTINCT action FROM audit_log WHERE actor_kind = 'operator' AND outcome = 'success'
       AND ((municipality_id = $1 AND action LIKE 'municipality.%') OR action = 'epj_product.create') ORDER BY action`,
      [municipalityId],
    );
    assert.deepEqual(
      audited.map((a) => a.action),
      ['epj_product.create', 'municipality.administrator.add', 'municipality.create', 'municipality.read'],
    );
  } finally {
    await db.close();
  }
}

void describe('the operator onboards a municipality in the operator console', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'registers Havøy kommune (a wrong organisation number first), finds it, adds its administrator, registers an EPJ product',
    { timeout: 240_000 },
    () =>
      journey.visit('operator-municipalities', DESKTOP, async ({ page, problems }) => {
        await page.goto('/auth/login?returnTo=%2Fdrift');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Driftskonsoll');
        const nav = page.getByRole('navigation', { name: 'Driftskonsollen' });
        assert.equal(await nav.getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current'), 'page');

        await nav.getByRole('link', { name: 'Kommuner' }).click();
        await waitForHeading(page, 'Kommuner');
        assert.equal(await nav.getByRole('link', { name: 'Kommuner' }).getAttribute('aria-current'), 'page');
        await page
          .getByRole('table', { name: 'Registrerte kommuner' })
          .getByRole('link', { name: 'Fjordvik kommune' })
          .waitFor();
        await expectNoAxeViolations(page, 'the municipalities');

        await page.getByRole('link', { name: 'Registrer kommune' }).click();
        await waitForHeading(page, 'Registrer kommune');
        assert.equal(pathOf(page), '/drift/kommuner/ny');
        await expectNoAxeViolations(page, 'the empty onboarding form');
        // A keyboard user reaches the form from the heading (where focus lands after the navigation).
        await tabToField(page, 'name');
        await page.keyboard.type(NAME);
        await page.getByLabel('Organisasjonsnummer').fill(BAD_ORG_NUMBER);
        await page.getByLabel('Kommunenummer').fill(NUMBER);
        await page.getByLabel('Navn', { exact: true }).fill('Per Post');
        await page.getByLabel('E-post').fill('postmottak@havoy.kommune.no');
        await page.getByLabel('Telefon').fill('+47 99 11 22 33');
        await page.getByRole('button', { name: 'Registrer kommunen' }).click();

        const summary = page.locator('.hb-error-summary');
        await summary.getByRole('link', { name: /kontrollsifferet stemmer ikke/ }).waitFor();
        assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary takes focus');
        const orgField = page.getByLabel('Organisasjonsnummer');
        assert.equal(await orgField.getAttribute('aria-invalid'), 'true');
        await page
          .getByText('Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).', { exact: true })
          .first()
          .waitFor();
        await summary.getByRole('link').click();
        assert.ok(await orgField.evaluate((el) => el === document.activeElement), 'the link moves focus to the field');
        await expectNoAxeViolations(page, 'the onboarding form with an error');

        await orgField.fill(ORG_NUMBER);
        await page.getByRole('button', { name: 'Registrer kommunen' }).click();
        await waitForHeading(page, NAME);
        assert.match(pathOf(page), /^\/drift\/kommuner\/[0-9a-f-]{36}$/);
        await page.getByRole('status').getByText(`${NAME} er registrert.`, { exact: false }).waitFor();
        await page.getByText('Kommunen har ingen administrator ennå.').waitFor();

        // The list finds it.
        await page.getByRole('link', { name: 'Alle kommuner' }).click();
        await waitForHeading(page, 'Kommuner');
        await page.getByLabel('Søk etter navn, kommunenummer eller organisasjonsnummer').fill('Havøy');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 2, name: '1 kommune treffer «Havøy»' }).waitFor();
        const table = page.getByRole('table', { name: 'Registrerte kommuner' });
        assert.equal(await waitForCount(table.getByRole('row'), 2), 2, 'the header and Havøy');

        // A long list is paged, 25 a page: 25 more make at least two pages.
        await registerMore(page, 25);
        const { total } = (await (
          await page.request.get('/api/operator/municipalities')
        ).json()) as MunicipalitiesResponse;
        const pages = Math.ceil(total / 25);
        await page.goto('/drift/kommuner');
        await page.getByRole('heading', { level: 2, name: `${total} kommuner` }).waitFor();
        const pager = page.getByRole('navigation', { name: 'Sider' });
        await pager.getByText(`Side 1 av ${pages}`).waitFor();
        assert.equal(await waitForCount(table.getByRole('row'), 26), 26, 'the header and 25');
        assert.equal(await pager.getByRole('button', { name: 'Forrige side' }).isDisabled(), true);
        await pager.getByRole('button', { name: 'Neste side' }).click();
        await pager.getByText(`Side 2 av ${pages}`).waitFor();
        assert.equal(new URL(page.url()).searchParams.get('side'), '2');
        const secondPage = 1 + Math.min(25, total - 25);
        assert.equal(await waitForCount(table.getByRole('row'), secondPage), secondPage);
        await expectNoAxeViolations(page, 'the second page of municipalities');

        await page.getByLabel('Søk etter navn, kommunenummer eller organisasjonsnummer').fill(NUMBER);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { level: 2, name: `1 kommune treffer «${NUMBER}»` }).waitFor();
        assert.equal(new URL(page.url()).searchParams.get('side'), null, 'a new search starts on page 1');
        await table.getByRole('link', { name: NAME }).click();
        await waitForHeading(page, NAME);

        // The first administrator: a person not registered yet, so the name is needed (the server says so).
        await page.getByLabel('HPR-nummer').fill(ADMIN.hpr);
        await page.getByRole('button', { name: 'Legg til administrator' }).click();
        await page.getByText('Oppgi fødselsnummer og navn.', { exact: false }).first().waitFor();
        assert.equal(await page.getByLabel('Fødselsnummer').getAttribute('aria-invalid'), 'true');
        await page.getByLabel('Fødselsnummer').fill(ADMIN.nin);
        await page.getByLabel('Fornavn').fill(ADMIN.given);
        await page.getByLabel('Etternavn').fill(ADMIN.family);
        await page.getByRole('button', { name: 'Legg til administrator' }).click();
        await page
          .getByRole('status')
          .getByText(`${ADMIN.given} ${ADMIN.family} er administrator for kommunen.`)
          .waitFor();
        await page
          .getByRole('region', { name: 'Administratorer' })
          .getByText(`${ADMIN.given} ${ADMIN.family} (HPR-nr. ${ADMIN.hpr})`)
          .waitFor();
        await expectNoAxeViolations(page, 'the municipality with its administrator');

        // An EPJ product the municipalities can choose.
        await nav.getByRole('link', { name: 'EPJ-produkter' }).click();
        await waitForHeading(page, 'EPJ-produkter');
        await expectNoAxeViolations(page, 'the EPJ products');
        await tabToField(page, 'epj-vendor');
        await page.keyboard.type(PRODUCT.vendor);
        await page.getByLabel('Produkt', { exact: true }).fill(PRODUCT.name);
        await page.getByLabel('Versjoner').fill('3.1, 3.2');
        // The services by keyboard: Tab to a box, Space ticks it.
        for (const service of ['Dialog med innbyggere', 'Timebestilling']) {
          const box = page.getByRole('checkbox', { name: service });
          await box.focus();
          await page.keyboard.press('Space');
          assert.equal(await box.isChecked(), true, service);
        }
        await page.getByRole('button', { name: 'Registrer produktet' }).click();
        await page.getByRole('status').getByText(`${PRODUCT.vendor} ${PRODUCT.name} er registrert.`).waitFor();
        const row = page
          .getByRole('table', { name: 'EPJ-produkter' })
          .getByRole('row', { name: new RegExp(PRODUCT.name) });
        assert.equal(await row.getByRole('cell').nth(2).textContent(), 'Dialog med innbyggere, Timebestilling');
        await expectNoAxeViolations(page, 'the EPJ products with the new one');

        assert.deepEqual(problems, []);
      }),
  );
});
