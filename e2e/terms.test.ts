import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { MunicipalityDetail } from '@helsebro/contracts';
import { makeSyntheticNin } from '../packages/contracts/src/nin.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const NORDVIK = {
  name: 'Nordvik kommune',
  orgNumber: '974760673',
  number: '5599',
  contactName: 'Kari Kontakt',
  contactEmail: 'postmottak@nordvik.kommune.no',
  contactPhone: '+47 75 00 00 00',
};
const ADMIN = { nin: makeSyntheticNin('1975-06-21'), givenName: 'Vilde', familyName: 'Vilkårsen' };
const VERSION = '3.3';

/** An Oslo calendar date `days` from today (YYYY-MM-DD). */
function osloDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What the journey left: Nordvik's acceptance of 3.3 by its administrator, DigiFin, and the audit entries. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
    const accepted = await rows<{ version: string; given_name: string }>(
      `SELECT v.version, p.given_name FROM terms_acceptances a
       JOIN terms_versions v ON v.id = a.terms_version_id JOIN personnel p ON p.id = a.accepted_by_personnel_id
       JOIN municipalities m ON m.id = a.municipality_id WHERE m.org_number = $1`,
      [NORDVIK.orgNumber],
    );
    assert.deepEqual(accepted, [{ version: VERSION, given_name: ADMIN.givenName }]);
    const version = await rows<{ ks_answer: string; status: string }>(
      `SELECT ks_answer, status FROM terms_versions WHERE document = 'special' AND version = $1`,
      [VERSION],
    );
    assert.deepEqual(version, [{ ks_answer: 'KS støtter endringen.', status: 'published' }]);
    const audited = await rows<{ action: string; outcome: string }>(
      `SELECT DISTINCT action, outcome FROM audit_log WHERE action IN ('terms.create', 'terms.ks_consultation.record',
       'terms.publish', 'digifin.update', 'terms.accept') ORDER BY action`,
    );
    assert.deepEqual(
      audited.map((a) => `${a.action}:${a.outcome}`),
      [
        'digifin.update:success',
        // The refusal before DigiFin was recorded is audited too (who tried to bind the municipality).
        'terms.accept:error',
        'terms.accept:success',
        'terms.create:success',
        'terms.ks_consultation.record:success',
        'terms.publish:success',
      ],
    );
  } finally {
    await db.close();
  }
}

void describe('terms: the operator publishes a new version, the administrator accepts it', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'publishes special terms 3.3 after the KS consultation; Nordvik is refused until DigiFin is recorded, then accepts',
    { timeout: 300_000 },
    () =>
      journey.visit('operator-terms', DESKTOP, async ({ page, problems }) => {
        const started = Date.now();
        await page.goto('/auth/login?returnTo=%2Fdrift%2Fvilkar');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Vilkår');
        await page.getByRole('table', { name: 'Versjonene av bruksvilkårene' }).waitFor();
        await expectNoAxeViolations(page, 'the terms versions');

        // A significant draft cannot be published before KS has answered (seed 000 §5.3).
        const draft = page.getByRole('region', { name: 'Nytt utkast' });
        await draft.getByLabel('Versjonsnummer (f.eks. 3.3)').fill(VERSION);
        await draft.getByLabel('Dato').fill(osloDay(0));
        await draft.getByLabel('Endringslogg (én endring per linje)').fill('Punkt 6 om oppsigelse er presisert.');
        // The design system's checkbox, by keyboard.
        await draft.getByLabel(/^Vesentlig endring/).focus();
        await page.keyboard.press('Space');
        assert.ok(await draft.getByLabel(/^Vesentlig endring/).isChecked());
        await draft.getByRole('button', { name: 'Lagre utkast' }).click();
        await page.getByText(`Utkastet til versjon ${VERSION} er lagret.`).waitFor();
        const publish = page.getByRole('region', { name: 'Publiser' });
        await publish.getByLabel('Kommunene må godta innen').fill(osloDay(30));
        await publish.getByRole('button', { name: `Publiser versjon ${VERSION}` }).click();
        await publish
          .getByText('En vesentlig endring kan ikke publiseres før KS har hatt den på høring', { exact: false })
          .first()
          .waitFor();
        await expectNoAxeViolations(page, 'the draft refused for want of the KS consultation');

        const ks = page.getByRole('region', { name: 'Høring hos KS' });
        await ks.getByLabel('Sendt til KS').fill(osloDay(-20));
        await ks.getByLabel('Svar fra KS').fill('KS støtter endringen.');
        await ks.getByLabel('Dato for svaret').fill(osloDay(-2));
        await ks.getByRole('button', { name: 'Lagre høringen' }).click();
        await ks.getByText('Høringen er lagret.').waitFor();
        await publish.getByRole('button', { name: `Publiser versjon ${VERSION}` }).click();
        await page.getByText(`Versjon ${VERSION} er publisert.`, { exact: false }).waitFor();
        await page.getByRole('heading', { name: /^Godtatt av 0 av \d+ kommuner$/ }).waitFor();
        await expectNoAxeViolations(page, 'the published version with its acceptances');

        // Nordvik is onboarded with its administrator (the operator's onboarding pages are tested elsewhere).
        const created = await apiAs(page.request, 'POST', '/api/operator/municipalities', NORDVIK);
        assert.equal(created.status, 201);
        const nordvik = created.json as unknown as MunicipalityDetail;
        const admin = await apiAs(
          page.request,
          'POST',
          `/api/operator/municipalities/${nordvik.id}/administrators`,
          ADMIN,
        );
        assert.equal(admin.status, 201);

        await journey.visit('administrator-refused', DESKTOP, async (a) => {
          await a.page.goto('/auth/login?returnTo=%2Fansatt%2Fadmin%2Fvilkar');
          await chooseTestUser(a.page, `${ADMIN.givenName} ${ADMIN.familyName}`);
          await waitForHeading(a.page, 'Vilkår og avtaler');
          await a.page.getByRole('heading', { name: 'DigiFin må være registrert først' }).waitFor();
          await a.page.getByRole('button', { name: `Godta Spesielle bruksvilkår versjon ${VERSION}` }).click();
          await a.page
            .getByText('Kommunen kan ikke godta vilkårene før medlemskapet i DigiFin', { exact: false })
            .last()
            .waitFor();
          await a.page.getByRole('heading', { name: 'Hvem har ansvar for hva' }).waitFor();
          await expectNoAxeViolations(a.page, "the administrator's terms, refused for want of DigiFin");
          assert.deepEqual(
            a.problems.filter((p) => !p.includes('422')),
            [],
          );
        });

        // The operator records DigiFin on the municipality's page.
        await page.goto(`/drift/kommuner/${nordvik.id}`);
        await waitForHeading(page, NORDVIK.name);
        const panel = page.getByRole('region', { name: 'Vilkår, DigiFin og ansvar' });
        await panel.getByText('Ikke godtatt ennå.').first().waitFor();
        await panel.getByLabel('Kommunen er medlem av DigiFin').focus();
        await page.keyboard.press('Space');
        await panel.getByLabel('Medlem fra').fill('2024-01-01');
        await panel.getByLabel('Tilknytningsavgift (kroner)').fill('25000');
        await panel.getByLabel('Fakturareferanse').fill('DF-2024-55');
        await panel.getByLabel('Betalt dato').fill(osloDay(-1));
        await panel.getByRole('button', { name: 'Lagre DigiFin' }).click();
        await panel.getByText('DigiFin er lagret.').waitFor();
        await expectNoAxeViolations(page, "the municipality's terms panel");

        await journey.visit('administrator-accepts', DESKTOP, async (a) => {
          await a.page.goto('/auth/login?returnTo=%2Fansatt%2Fadmin%2Fvilkar');
          await chooseTestUser(a.page, `${ADMIN.givenName} ${ADMIN.familyName}`);
          await waitForHeading(a.page, 'Vilkår og avtaler');
          await a.page.getByText('Punkt 6 om oppsigelse er presisert.').waitFor();
          await a.page.getByRole('button', { name: `Godta Spesielle bruksvilkår versjon ${VERSION}` }).click();
          await a.page
            .getByText(`Kommunen har godtatt Spesielle bruksvilkår versjon ${VERSION}.`, { exact: false })
            .waitFor();
          await a.page.getByText(`Godtatt av ${ADMIN.givenName} ${ADMIN.familyName}`, { exact: false }).waitFor();
          await expectNoAxeViolations(a.page, 'the accepted terms');
          assert.deepEqual(a.problems, []);
        });

        await page.goto('/drift/vilkar');
        await waitForHeading(page, 'Vilkår');
        await page.getByRole('link', { name: new RegExp(`^Versjon ${VERSION.replace('.', '\\.')} av`) }).click();
        const list = page.getByRole('region', { name: /^Godtatt av 1 av/ });
        await list.getByLabel('Søk etter kommune (navn eller nummer)').fill('Nordvik');
        await list.getByRole('button', { name: 'Søk' }).click();
        await list.getByRole('row', { name: /Nordvik kommune.*Godtatt/ }).waitFor();
        assert.deepEqual(problems, []);
        process.stdout.write(`terms journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }),
  );
});
