import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { MunicipalitiesResponse } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { makeSyntheticNin } from '../packages/contracts/src/nin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, tabTo, waitForHeading, waitForCount } from './support/journey.ts';

const ADMIN = { hprNumber: '9300123', nin: makeSyntheticNin('1975-06-02'), givenName: 'Anne', familyName: 'Adminsen' };
const STAFF = { nin: makeSyntheticNin('1988-11-23'), givenName: 'Tora', familyName: 'Terapeut' };
const UNIT = 'Rehabiliteringsteamet';
const TYPE = 'Rehabiliteringssamtale';
const CLIENT = 'rehab-epj';
const PRODUCT = { vendor: 'Journalhuset AS', name: 'Omsorgsjournal', versions: ['4.1', '4.2'], services: ['dialog'] };

/** The operator names Fjordvik's administrator and registers an EPJ product, through the operator's API. */
async function prepareAsOperator(page: Page): Promise<void> {
  await page.goto('/auth/login?returnTo=%2Fdrift');
  await chooseTestUser(page, 'Ola Operatør');
  await waitForHeading(page, 'Driftskonsoll');
  const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
  const headers = { 'x-csrf-token': csrf };
  const list = (await (
    await page.request.get('/api/operator/municipalities?q=Fjordvik')
  ).json()) as MunicipalitiesResponse;
  const fjordvik = list.items.find((m) => m.name === 'Fjordvik kommune');
  assert.ok(fjordvik, 'the demo has Fjordvik kommune');
  const admin = await page.request.post(`/api/operator/municipalities/${fjordvik.id}/administrators`, {
    headers,
    data: ADMIN,
  });
  assert.equal(admin.status(), 201, await admin.text());
  const product = await page.request.post('/api/operator/epj-products', { headers, data: PRODUCT });
  assert.equal(product.status(), 201, await product.text());
}

/** What the administrator's journey left in the store: the unit, its type, the staff member, the client, the audit. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
    const [unit] = await rows<{ id: string; kind: string; her_id: string; municipality: string }>(
      `SELECT u.id, u.kind, u.her_id, m.name AS municipality FROM service_units u
         JOIN municipalities m ON m.id = u.municipality_id WHERE u.name = $1`,
      [UNIT],
    );
    assert.deepEqual(
      { kind: unit?.kind, herId: unit?.her_id, municipality: unit?.municipality },
      { kind: 'other', herId: '8765432', municipality: 'Fjordvik kommune' },
    );
    const types = await rows<{ name: string; duration_minutes: number; self_bookable: boolean; active: boolean }>(
      'SELECT name, duration_minutes, self_bookable, active FROM appointment_types WHERE service_unit_id = $1',
      [unit!.id],
    );
    assert.deepEqual(types, [{ name: TYPE, duration_minutes: 45, self_bookable: true, active: true }]);
    const roles = await rows<{ role: string; service_unit_id: string }>(
      `SELECT r.role, r.service_unit_id FROM personnel_roles r JOIN personnel p ON p.id = r.personnel_id
         WHERE p.nin = $1`,
      [STAFF.nin],
    );
    assert.deepEqual(roles, [{ role: 'nurse', service_unit_id: unit!.id }]);
    const [client] = await rows<{ client_secret: string | null; revoked_at: Date | null }>(
      'SELECT client_secret, revoked_at FROM epj_clients WHERE client_id = $1',
      [CLIENT],
    );
    assert.ok(client?.client_secret, 'the generated secret was registered');
    assert.ok(client?.revoked_at, 'the client was revoked');
    const audited = await rows<{ action: string }>(
      `SELECT DISTINCT a.action FROM audit_log a JOIN personnel p ON a.actor_id = p.id::text
         WHERE p.nin = $1 AND a.outcome = 'success' ORDER BY a.action`,
      [ADMIN.nin],
    );
    for (const action of [
      'appointment_type.create',
      'epj_client.create',
      'epj_client.revoke',
      'epj_system.set',
      'service_unit.create',
      'staff.create',
    ]) {
      assert.ok(
        audited.some((a) => a.action === action),
        `${action} audited, got ${audited.map((a) => a.action).join(', ')}`,
      );
    }
  } finally {
    await db.close();
  }
}

void describe('the municipality administrator sets up Fjordvik in the administration workspace', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'creates a unit with an appointment type, registers a staff member with a role, chooses the EPJ and registers and revokes a machine client',
    { timeout: 300_000 },
    async () => {
      await journey.visit('operator-names-administrator', DESKTOP, async ({ page, problems }) => {
        await prepareAsOperator(page);
        assert.deepEqual(problems, []);
      });

      await journey.visit('admin-workspace', DESKTOP, async ({ page, problems }) => {
        await logInFromLanding(page, `${ADMIN.givenName} ${ADMIN.familyName}`);
        await waitForHeading(page, 'Arbeidsflate');
        // The workspace offers the administration to administrators; a keyboard user reaches it with Tab.
        await tabTo(page, 'Administrasjon av kommunen', 60);
        await page.keyboard.press('Enter');
        await waitForHeading(page, 'Administrasjon');
        const nav = page.getByRole('navigation', { name: 'Administrasjon' });
        assert.equal(await nav.getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current'), 'page');
        await page.getByRole('heading', { name: 'Dette gjenstår' }).waitFor();
        await expectNoAxeViolations(page, 'the administration overview');

        // Units: an empty form is refused at its fields, then the unit is created and opened.
        await nav.getByRole('link', { name: 'Enheter' }).click();
        await waitForHeading(page, 'Enheter');
        await page.getByRole('link', { name: 'Hjemmesykepleien' }).waitFor();
        await expectNoAxeViolations(page, 'the units');
        const newUnit = page.getByRole('region', { name: 'Ny enhet' });
        await newUnit.getByRole('button', { name: 'Opprett enheten' }).click();
        await page.getByRole('heading', { name: 'Noe må rettes før du kan lagre' }).waitFor();
        assert.equal(await newUnit.getByLabel('Navn').getAttribute('aria-invalid'), 'true');
        await expectNoAxeViolations(page, 'the unit form with errors');
        await newUnit.getByLabel('Navn').fill(UNIT);
        await newUnit.getByLabel('Type enhet').selectOption('other');
        await newUnit.getByLabel('Telefon').fill('+47 75 00 12 34');
        await newUnit.getByLabel('Funksjonell e-postadresse').fill('rehab@fjordvik.kommune.no');
        await newUnit.getByLabel('HER-id (valgfritt)').fill('8765432');
        await newUnit.getByRole('button', { name: 'Opprett enheten' }).click();
        await page.getByText(`Enheten ${UNIT} er opprettet.`).waitFor();
        await page.getByRole('link', { name: UNIT }).click();
        await page.getByRole('heading', { level: 2, name: UNIT }).waitFor();
        await page.getByRole('heading', { name: 'Kontakt og dialog' }).waitFor();
        await page.getByLabel('Svartid i virkedager').waitFor();
        await expectNoAxeViolations(page, "the new unit's page");

        // Its regular opening hours and an absence, which decide when the automatic reply is sent (issue 15).
        const dialog = page.getByRole('region', { name: 'Kontakt og dialog' });
        // The design system's checkbox, by keyboard (its label wrapper takes the pointer).
        const tick = async (label: string) => {
          await dialog.getByLabel(label).focus();
          await page.keyboard.press('Space');
          assert.ok(await dialog.getByLabel(label).isChecked(), label);
        };
        await tick('Mandag åpent');
        await dialog.getByLabel('Mandag åpner').fill('08:00');
        await dialog.getByLabel('Mandag stenger').fill('07:30');
        await tick('Tirsdag åpent');
        await dialog.getByLabel('Fravær fra').fill('2026-12-24');
        await dialog.getByLabel('Fravær til og med').fill('2026-12-27');
        await dialog.getByLabel('Merknad til innbyggerne (valgfritt)').fill('Stengt i julen');
        await dialog.getByRole('button', { name: 'Legg til fravær' }).click();
        await dialog.getByText('24. desember 2026–27. desember 2026 · Stengt i julen').waitFor();
        await dialog.getByRole('button', { name: 'Lagre kontakt og dialog' }).click();
        const summary = page.getByRole('heading', { name: 'Noe må rettes før du kan lagre' });
        await summary.waitFor();
        await page.getByRole('link', { name: 'Stengetiden må være etter åpningstiden.' }).waitFor();
        await expectNoAxeViolations(page, 'the opening hours with an error');
        await dialog.getByLabel('Mandag stenger').fill('16:00');
        await dialog.getByRole('button', { name: 'Lagre kontakt og dialog' }).click();
        await dialog.getByText('Kontakt og dialog er lagret.').waitFor();
        await page.reload();
        await page.getByRole('heading', { name: 'Kontakt og dialog' }).waitFor();
        assert.ok(await dialog.getByLabel('Mandag åpent').isChecked());
        assert.equal(await dialog.getByLabel('Mandag stenger').inputValue(), '16:00');
        assert.equal(await dialog.getByLabel('Tirsdag stenger').inputValue(), '15:30');
        assert.ok(!(await dialog.getByLabel('Onsdag åpent').isChecked()));
        await dialog.getByText('24. desember 2026–27. desember 2026 · Stengt i julen').waitFor();
        await expectNoAxeViolations(page, 'the saved opening hours and absence');
        const unitId = new URL(page.url()).searchParams.get('enhet')!;
        const stored = (await (await page.request.get(`/api/staff/dialog/units/${unitId}/settings`)).json()) as {
          weeklyHours: unknown;
          absences: unknown;
        };
        assert.deepEqual(stored.weeklyHours, [
          { weekday: 1, opens: '08:00', closes: '16:00' },
          { weekday: 2, opens: '08:00', closes: '15:30' },
        ]);
        assert.deepEqual(stored.absences, [{ startsOn: '2026-12-24', endsOn: '2026-12-27', note: 'Stengt i julen' }]);

        // An appointment type with its booking and cancellation rules.
        const types = page.getByRole('region', { name: 'Timetyper og avbestilling' });
        await types.getByText('Enheten har ingen timetyper ennå.').waitFor();
        await types.getByLabel('Navn på timetypen').fill(TYPE);
        await types.getByLabel('Type time').selectOption('consultation');
        await types.getByLabel('Varighet i minutter').fill('45');
        // The design system's checkbox, by keyboard.
        await types.getByLabel('Innbyggerne kan bestille timen selv').focus();
        await page.keyboard.press('Space');
        assert.ok(await types.getByLabel('Innbyggerne kan bestille timen selv').isChecked());
        await types.getByLabel('Frist for avbestilling (virkedager)').fill('2');
        await types.getByRole('button', { name: 'Opprett timetypen' }).click();
        await page.getByText(`Timetypen ${TYPE} er opprettet.`).waitFor();
        await types.getByText('Kan avbestilles til 2 virkedager før', { exact: false }).waitFor();
        await expectNoAxeViolations(page, 'the unit with its appointment type');

        // Staff: register one with a role at the new unit, then find them by search.
        await nav.getByRole('link', { name: 'Ansatte' }).click();
        await waitForHeading(page, 'Ansatte');
        await expectNoAxeViolations(page, 'the staff list');
        const newStaff = page.getByRole('region', { name: 'Registrer en ansatt' });
        await newStaff.getByLabel('Fødselsnummer (11 siffer)').fill(STAFF.nin);
        await newStaff.getByLabel('Fornavn').fill(STAFF.givenName);
        await newStaff.getByLabel('Etternavn').fill(STAFF.familyName);
        await newStaff.getByLabel('Rolle 1', { exact: true }).selectOption('nurse');
        await newStaff.getByLabel('Enhet for rolle 1').selectOption({ label: UNIT });
        await newStaff.getByRole('button', { name: 'Registrer den ansatte' }).click();
        await page.getByText(`${STAFF.givenName} ${STAFF.familyName} er registrert.`).waitFor();
        await page.getByRole('search').getByLabel('Søk etter navn eller HPR-nummer').fill(STAFF.familyName);
        await page.getByRole('search').getByRole('button', { name: 'Søk' }).click();
        await page.getByRole('heading', { name: `1 ansatt passer med «${STAFF.familyName}»` }).waitFor();
        const row = page.getByRole('row', { name: new RegExp(`${STAFF.givenName} ${STAFF.familyName}`) });
        await row.getByText(`Sykepleier – ${UNIT}`).waitFor();
        assert.equal(await waitForCount(page.getByRole('table').getByRole('row'), 2), 2, 'the header and Tora only');
        await expectNoAxeViolations(page, 'the staff search');

        // EPJ: the product and version from the operator's list, then a machine client with a secret shown once.
        await nav.getByRole('link', { name: 'EPJ' }).click();
        await waitForHeading(page, 'EPJ');
        await page
          .getByLabel('EPJ-system', { exact: true })
          .selectOption({ label: `${PRODUCT.vendor} – ${PRODUCT.name}` });
        await page.getByLabel('Versjon').selectOption('4.2');
        await page.getByRole('button', { name: 'Lagre EPJ-systemet' }).click();
        await page.getByText(`EPJ-systemet er lagret: ${PRODUCT.name}, versjon 4.2.`).waitFor();
        await expectNoAxeViolations(page, 'the EPJ page');
        await page.getByLabel('Klient-id').fill(CLIENT);
        await page.getByLabel('Navn', { exact: true }).fill('Rehab-EPJ');
        await page.getByLabel('Hemmelighet laget her', { exact: false }).check();
        await page.getByRole('button', { name: 'Registrer maskinklienten' }).click();
        await page.getByText(`Maskinklienten ${CLIENT} er registrert.`).waitFor();
        const secret = await page.getByTestId('client-secret').textContent();
        assert.match(secret ?? '', /^[0-9a-f]{64}$/);
        await expectNoAxeViolations(page, 'the EPJ page with the secret shown once');

        // Revoking asks first; "Avbryt" changes nothing, "Ja" revokes.
        await page.getByRole('button', { name: `Trekk tilbake ${CLIENT}` }).click();
        await page.getByRole('group', { name: /Vil du trekke tilbake Rehab-EPJ/ }).waitFor();
        await expectNoAxeViolations(page, 'the revoke question');
        // The reason has focus; without one the question stays, with one the client is revoked.
        await page.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
        await page.getByText('Skriv hvorfor.').waitFor();
        await page.getByLabel('Hvorfor? (lagres i loggen)').fill('Byttet til offentlige nøkler');
        await page.getByRole('button', { name: 'Ja, trekk tilbake' }).click();
        await page.getByText(`Maskinklienten ${CLIENT} er trukket tilbake.`).waitFor();
        await page.getByText('(trukket tilbake)').waitFor();
        assert.equal(await page.getByTestId('client-secret').count(), 0, 'the secret is gone');

        // The overview no longer asks for the EPJ system.
        await nav.getByRole('link', { name: 'Oversikt' }).click();
        await waitForHeading(page, 'Administrasjon');
        await page.getByText(`${PRODUCT.vendor} – ${PRODUCT.name}, versjon 4.2`).waitFor();
        assert.equal(await page.getByRole('link', { name: 'Velg kommunens EPJ-system' }).count(), 0);
        assert.deepEqual(problems, []);
      });
    },
  );
});
