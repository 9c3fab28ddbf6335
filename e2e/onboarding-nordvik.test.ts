import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Locator, Page } from 'playwright-core';
import { makeSyntheticNin } from '../packages/contracts/src/nin.ts';
import { orgNumberCheckDigit } from '../packages/contracts/src/org-number.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, escapeRegExp, pathOf, waitForHeading } from './support/journey.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const NAME = 'Nordvik kommune';
const NUMBER = '9931';
const ORG_FIRST_EIGHT = '93100124';
const ADMIN = { hpr: '9310001', nin: makeSyntheticNin('1974-09-12'), given: 'Randi', family: 'Nordvik' };
const NURSE = { hpr: '9310002', nin: makeSyntheticNin('1988-04-03'), given: 'Tone', family: 'Pleie' };
const CITIZEN = { nin: makeSyntheticNin('1946-11-20'), given: 'Arne', family: 'Strandli' };
const NEIGHBOUR = { nin: makeSyntheticNin('1951-02-07'), given: 'Gunn', family: 'Strandli' };
const UNIT = 'Hjemmetjenesten Nordvik';
const PRODUCT = { vendor: 'Nordlys Journal AS', name: 'Omsorgsjournal', version: '5.2' };
const CLIENT_ID = 'nordvik-epj';
const SUBJECT = 'Medisiner til helgen';
const QUESTION = 'Kan dere ta med medisinene mine på fredag?';
const ANSWER = 'Ja, vi tar dem med på besøket fredag formiddag.';

/** An Oslo calendar date `days` from today (YYYY-MM-DD). */
function osloDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid organisation number (mod 11) from eight digits that have a check digit. */
function orgNumber(): string {
  const digit = orgNumberCheckDigit(ORG_FIRST_EIGHT);
  assert.notEqual(digit, null, 'the first eight digits must have a check digit');
  return `${ORG_FIRST_EIGHT}${digit}`;
}

/**
 * The register extract the operator uploads: Arne and Gunn living in Nordvik (synthetic numbers), and one record
 * the register would never send (no valid identity number), which the page shows as refused.
 */
function registerExtract(): Buffer {
  const person = (p: { nin: string; given: string; family: string }, birthDate: string) => ({
    identifikasjonsnummer: p.nin,
    navn: { fornavn: p.given, etternavn: p.family },
    foedsel: { foedselsdato: birthDate },
    bostedsadresse: {
      kommunenummer: NUMBER,
      vegadresse: { adressenavn: 'Fjæreveien', husnummer: '4', postnummer: '8890', poststed: 'NORDVIK' },
    },
  });
  const broken = { identifikasjonsnummer: '123', navn: { fornavn: 'Feil', etternavn: 'Post' } };
  return Buffer.from(JSON.stringify([person(CITIZEN, '1946-11-20'), person(NEIGHBOUR, '1951-02-07'), broken]), 'utf8');
}

let cursorDir = '';

/** `npm run epj-sim` with the client the administrator registered; one poll, answering as the nurse. */
async function epjSim(baseUrl: string, secret: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/server/src/cli/epj-sim.ts',
      '--url',
      baseUrl,
      '--client-id',
      CLIENT_ID,
      `--client-secret=${secret}`,
      '--once',
      '--cursor-file',
      join(cursorDir, 'nordvik.cursor'),
      '--auto-reply',
      ANSWER,
      '--hpr',
      NURSE.hpr,
      '--author',
      `${NURSE.given} ${NURSE.family}`,
    ],
    { cwd: ROOT, timeout: 60_000 },
  );
  return stdout;
}

/**
 * Logs in at the development IdP by typing the identity number, as a person not in its list of test users would.
 * @param kind - the IdP's "Logg inn som" choice
 * @param returnTo - where Helsebro sends the browser after the login
 */
async function logInWithNin(
  page: Page,
  nin: string,
  kind: 'citizen' | 'personnel' | 'operator',
  returnTo: string,
): Promise<void> {
  await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole('heading', { level: 1, name: 'Velg testbruker' }).waitFor();
  const form = page.getByRole('region', { name: 'Logg inn med fødselsnummer' });
  await form.getByLabel('Fødselsnummer').fill(nin);
  await form.getByLabel('Logg inn som').selectOption(kind);
  await form.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/idp') && !url.pathname.startsWith('/auth'));
}

/** Ticks a checkbox or radio button by keyboard (the design system's label lies over the box itself). */
async function tick(box: Locator): Promise<void> {
  await box.focus();
  await box.page().keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
}

/** The operator publishes the first version of a terms document (not significant, so no KS consultation). */
async function publishTerms(page: Page, document: 'general' | 'special', version: string): Promise<void> {
  await page.getByLabel('Dokument', { exact: true }).selectOption(document);
  await page.getByLabel('Versjonsnummer (f.eks. 3.3)').fill(version);
  await page.getByLabel('Dato', { exact: true }).fill(osloDay(0));
  await page.getByLabel('Endringslogg (én endring per linje)').fill('Første versjon for Helsebro.');
  await page.getByRole('button', { name: 'Lagre utkast' }).click();
  await page.getByRole('status').getByText(`Utkastet til versjon ${version} er lagret.`).waitFor();
  await page.getByLabel('Kommunene må godta innen').fill(osloDay(30));
  await page.getByRole('button', { name: `Publiser versjon ${version}` }).click();
  await page.getByRole('status').getByText(`Versjon ${version} er publisert.`, { exact: false }).waitFor();
}

/** What the journey left: both terms accepted by the administrator, the DPA, the services active, the audit trail. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;
    const [muni] = await rows<{ id: string }>(`SELECT id FROM municipalities WHERE number = $1`, [NUMBER]);
    assert.ok(muni, 'Nordvik is registered');
    const accepted = await rows<{ document: string; version: string; hpr: string }>(
      `SELECT v.document, v.version, p.hpr_number AS hpr FROM terms_acceptances a
       JOIN terms_versions v ON v.id = a.terms_version_id JOIN personnel p ON p.id = a.accepted_by_personnel_id
       WHERE a.municipality_id = $1 ORDER BY v.document`,
      [muni.id],
    );
    assert.deepEqual(accepted, [
      { document: 'general', version: '1.0', hpr: ADMIN.hpr },
      { document: 'special', version: '1.0', hpr: ADMIN.hpr },
    ]);
    const dpa = await rows<{ version: string; signed_on: string }>(
      `SELECT version, signed_on::text FROM data_processing_agreements WHERE municipality_id = $1`,
      [muni.id],
    );
    assert.deepEqual(dpa, [{ version: '1.0', signed_on: osloDay(0) }]);
    const services = await rows<{ service_code: string; status: string }>(
      `SELECT service_code, status FROM municipality_services WHERE municipality_id = $1 ORDER BY service_code`,
      [muni.id],
    );
    assert.deepEqual(
      services.map((s) => `${s.service_code}:${s.status}`),
      [
        'appointments.book:active',
        'appointments.cancel:active',
        'appointments.view:active',
        'dialog:suspended',
        'health_contacts:active',
        'home_visits.completed:active',
      ],
    );
    const relations = await rows<{ given_name: string }>(
      `SELECT p.given_name FROM care_relations r JOIN persons p ON p.id = r.person_id
       JOIN service_units u ON u.id = r.service_unit_id WHERE u.municipality_id = $1`,
      [muni.id],
    );
    assert.deepEqual(relations, [{ given_name: CITIZEN.given }]);

    // Arne's question and the EPJ's answer; the reply sent while Dialog was suspended was not stored.
    const messages = await rows<{ from_side: string }>(
      `SELECT m.from_side FROM dialog_messages m JOIN dialog_conversations c ON c.id = m.conversation_id
       WHERE c.subject = $1 ORDER BY m.created_at`,
      [SUBJECT],
    );
    assert.deepEqual(
      messages.map((m) => m.from_side),
      ['citizen', 'unit'],
    );

    // Every administrative change, with who made it: the operator's and the administrator's.
    const audited = await rows<{ who: string; action: string }>(
      `SELECT DISTINCT CASE WHEN a.actor_kind = 'operator' THEN 'operator' ELSE p.hpr_number END AS who, a.action
       FROM audit_log a LEFT JOIN personnel p ON a.actor_kind = 'personnel' AND p.id::text = a.actor_id
       WHERE a.municipality_id = $1 AND a.outcome = 'success' AND a.actor_kind IN ('operator', 'personnel')
         AND a.action NOT LIKE '%.read' AND a.action NOT LIKE '%.list' ORDER BY 1, 2`,
      [muni.id],
    );
    const changes = audited.map((a) => `${a.who} ${a.action}`);
    for (const expected of [
      'operator municipality.create',
      'operator municipality.administrator.add',
      'operator digifin.update',
      'operator municipal_service.status',
      `${ADMIN.hpr} terms.accept`,
      `${ADMIN.hpr} data_processing_agreement.sign`,
      `${ADMIN.hpr} epj_system.set`,
      `${ADMIN.hpr} epj_client.create`,
      `${ADMIN.hpr} service_unit.create`,
      `${ADMIN.hpr} staff.create`,
      `${ADMIN.hpr} municipal_service.order`,
      `${NURSE.hpr} care_relation.create`,
    ]) {
      assert.ok(changes.includes(expected), `audited: ${expected} (found ${changes.join(', ')})`);
    }
    const refused = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = $1 AND action = 'terms.accept'
       AND outcome <> 'success'`,
      [muni.id],
    );
    assert.ok(refused[0]!.n >= 1, 'the refused acceptance is audited too');
    const imported = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'population_register.import' AND actor_kind = 'operator'`,
    );
    assert.equal(imported[0]!.n, 1);
  } finally {
    await db.close();
  }
}

void describe('a municipality live in an hour: Nordvik kommune from onboarding to a citizen answered from the EPJ', () => {
  before(async () => {
    cursorDir = await mkdtemp(join(tmpdir(), 'helsebro-onboarding-'));
  });
  after(async () => {
    await rm(cursorDir, { recursive: true, force: true });
  });
  // A store with nothing but the operator, as a new installation has.
  const journey = useJourney({ SEED_DEMO: 'operators' }, { inspectStore });

  void it(
    'the operator onboards Nordvik, the administrator sets it up, services are activated, a citizen is answered',
    { timeout: 300_000 },
    () =>
      journey.visit('onboarding-operator', DESKTOP, async (op) => {
        const started = Date.now();
        const page = op.page;
        await page.goto('/auth/login?returnTo=%2Fdrift');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Driftskonsoll');
        const nav = page.getByRole('navigation', { name: 'Driftskonsollen' });

        // The platform's terms and an EPJ product, which a new installation has not got yet.
        await nav.getByRole('link', { name: 'Vilkår' }).click();
        await waitForHeading(page, 'Vilkår');
        await page.getByText('Det finnes ingen versjoner ennå.').waitFor();
        await publishTerms(page, 'general', '1.0');
        await publishTerms(page, 'special', '1.0');
        await nav.getByRole('link', { name: 'EPJ-produkter' }).click();
        await waitForHeading(page, 'EPJ-produkter');
        await page.getByLabel('Leverandør').fill(PRODUCT.vendor);
        await page.getByLabel('Produkt', { exact: true }).fill(PRODUCT.name);
        await page.getByLabel('Versjoner').fill(`5.1, ${PRODUCT.version}`);
        // Every service, by keyboard (the design system's label covers the box).
        for (const service of await page.getByRole('checkbox').all()) {
          await tick(service);
        }
        await page.getByRole('button', { name: 'Registrer produktet' }).click();
        await page.getByRole('status').getByText(`${PRODUCT.vendor} ${PRODUCT.name} er registrert.`).waitFor();

        // Onboarding: the municipality and its administrator.
        await nav.getByRole('link', { name: 'Kommuner' }).click();
        await waitForHeading(page, 'Kommuner');
        await page.getByRole('link', { name: 'Registrer kommune' }).click();
        await waitForHeading(page, 'Registrer kommune');
        await page.getByLabel('Kommunens navn').fill(NAME);
        await page.getByLabel('Organisasjonsnummer').fill(orgNumber());
        await page.getByLabel('Kommunenummer').fill(NUMBER);
        await page.getByLabel('Navn', { exact: true }).fill('Per Post');
        await page.getByLabel('E-post').fill('postmottak@nordvik.kommune.no');
        await page.getByLabel('Telefon').fill('+47 75 00 00 00');
        await page.getByRole('button', { name: 'Registrer kommunen' }).click();
        await waitForHeading(page, NAME);
        const municipalityPage = pathOf(page);

        // Randi logs in with HelseID before she is registered: a page that says whom to ask, not an error.
        await journey.visit('onboarding-unregistered', DESKTOP, async (early) => {
          await logInWithNin(early.page, ADMIN.nin, 'personnel', '/ansatt/admin');
          await waitForHeading(early.page, 'Du er ikke registrert i Helsebro');
          await early.page
            .getByText('Be kommunens administrator for Helsebro om å registrere deg', { exact: false })
            .waitFor();
          await expectNoAxeViolations(early.page, 'the page for someone not registered');
        });

        await page.getByLabel('HPR-nummer').fill(ADMIN.hpr);
        await page.getByLabel('Fødselsnummer').fill(ADMIN.nin);
        await page.getByLabel('Fornavn').fill(ADMIN.given);
        await page.getByLabel('Etternavn').fill(ADMIN.family);
        await page.getByRole('button', { name: 'Legg til administrator' }).click();
        await page
          .getByRole('status')
          .getByText(`${ADMIN.given} ${ADMIN.family} er administrator for kommunen.`)
          .waitFor();

        let secret = '';
        await journey.visit('onboarding-administrator', DESKTOP, async (admin) => {
          const a = admin.page;
          await logInWithNin(a, ADMIN.nin, 'personnel', '/ansatt/admin/vilkar');
          await waitForHeading(a, 'Vilkår og avtaler');
          await a.getByRole('heading', { name: 'DigiFin må være registrert først' }).waitFor();
          await expectNoAxeViolations(a, 'the terms before DigiFin is recorded');
          // Refused until the operator has recorded DigiFin (seed 000 §5.2).
          await a.getByRole('button', { name: 'Godta Generelle bruksvilkår versjon 1.0' }).click();
          await a
            .getByText('Kommunen kan ikke godta vilkårene før medlemskapet i DigiFin', { exact: false })
            .last()
            .waitFor();

          const digifin = page.getByRole('region', { name: 'DigiFin', exact: true });
          await tick(digifin.getByLabel('Kommunen er medlem av DigiFin'));
          await digifin.getByLabel('Medlem fra').fill(osloDay(-3));
          await digifin.getByLabel('Tilknytningsavgift (kroner)').fill('25000');
          await digifin.getByLabel('Fakturareferanse').fill('DF-2026-0931');
          await digifin.getByLabel('Betalt dato').fill(osloDay(-1));
          await digifin.getByRole('button', { name: 'Lagre DigiFin' }).click();
          await page.getByText('DigiFin er lagret.').waitFor();
          await expectNoAxeViolations(page, 'the municipality with DigiFin recorded');

          await a.reload();
          await waitForHeading(a, 'Vilkår og avtaler');
          for (const doc of ['Generelle bruksvilkår', 'Spesielle bruksvilkår']) {
            await a.getByRole('button', { name: `Godta ${doc} versjon 1.0` }).click();
            await a.getByRole('status').getByText(`Kommunen har godtatt ${doc} versjon 1.0.`).waitFor();
          }
          await expectNoAxeViolations(a, 'the terms accepted');

          const adminNav = a.getByRole('navigation', { name: 'Administrasjon' });
          // The EPJ system and a machine client with a secret.
          await adminNav.getByRole('link', { name: 'EPJ' }).click();
          await waitForHeading(a, 'EPJ');
          await a
            .getByLabel('EPJ-system', { exact: true })
            .selectOption({ label: `${PRODUCT.vendor} – ${PRODUCT.name}` });
          await a.getByLabel('Versjon', { exact: true }).selectOption(PRODUCT.version);
          await a.getByRole('button', { name: 'Lagre EPJ-systemet' }).click();
          await a.getByText(`Valgt: ${PRODUCT.vendor} – ${PRODUCT.name}, versjon ${PRODUCT.version}.`).waitFor();
          await a.getByLabel('Klient-id').fill(CLIENT_ID);
          await a.getByLabel('Navn', { exact: true }).fill('Omsorgsjournal i Nordvik');
          await tick(a.getByLabel('Hemmelighet laget her (bare for utvikling og test)'));
          await a.getByRole('button', { name: 'Registrer maskinklienten' }).click();
          secret = (await a.getByTestId('client-secret').textContent())?.trim() ?? '';
          assert.ok(secret.length >= 32, 'the secret is shown once');
          await expectNoAxeViolations(a, 'the EPJ system and the new client');

          // A home care unit, open for messages, with its functional e-mail.
          await adminNav.getByRole('link', { name: 'Enheter' }).click();
          await waitForHeading(a, 'Enheter');
          await a.getByText('Kommunen har ingen enheter ennå.').waitFor();
          await a.getByLabel('Navn', { exact: true }).fill(UNIT);
          await a.getByLabel('Type enhet').selectOption('home_care');
          await a.getByLabel('Telefon').fill('+47 75 00 10 00');
          await a.getByLabel('Funksjonell e-postadresse').fill('hjemmetjenesten@nordvik.kommune.no');
          await a.getByRole('button', { name: 'Opprett enheten' }).click();
          await a.getByText(`Enheten ${UNIT} er opprettet.`).waitFor();
          await a.getByRole('link', { name: UNIT }).click();
          await a.getByRole('heading', { level: 2, name: UNIT }).waitFor();
          const dialog = a.getByRole('region', { name: 'Kontakt og dialog' });
          await tick(dialog.getByLabel('Innbyggerne kan sende meldinger til enheten'));
          await dialog.getByRole('button', { name: 'Lagre kontakt og dialog' }).click();
          await a.getByText('Kontakt og dialog er lagret.').waitFor();
          await expectNoAxeViolations(a, 'the unit with its dialog settings');

          // A nurse with a role in the unit.
          await adminNav.getByRole('link', { name: 'Ansatte' }).click();
          await waitForHeading(a, 'Ansatte');
          await a.getByLabel('Fødselsnummer (11 siffer)').fill(NURSE.nin);
          await a.getByLabel('Fornavn').fill(NURSE.given);
          await a.getByLabel('Etternavn').fill(NURSE.family);
          await a.getByLabel('HPR-nummer (valgfritt)').fill(NURSE.hpr);
          await a.getByLabel('Rolle 1', { exact: true }).selectOption('nurse');
          await a.getByLabel('Enhet for rolle 1').selectOption({ label: UNIT });
          await a.getByRole('button', { name: 'Registrer den ansatte' }).click();
          await a.getByText(`${NURSE.given} ${NURSE.family} er registrert.`).waitFor();
          await expectNoAxeViolations(a, 'the staff with the nurse');

          // The data processing agreement, then the order of both areas.
          await adminNav.getByRole('link', { name: 'Tjenester' }).click();
          await waitForHeading(a, 'Tjenester');
          await a.getByLabel('Versjon', { exact: true }).fill('1.0');
          await a.getByLabel('Signert av').fill(`${ADMIN.given} ${ADMIN.family}`);
          await a.getByLabel('Stilling').fill('Kommunalsjef helse og omsorg');
          await a.getByLabel('Dato for signering').fill(osloDay(0));
          await a.getByRole('button', { name: 'Registrer avtalen' }).click();
          await a.getByText('Databehandleravtalen er registrert.').waitFor();
          for (const area of ['Kontaktpunkter og dialog', 'Timeavtaler']) {
            await a.getByRole('button', { name: `Bestill hele ${area}` }).click();
            await a.getByRole('status').getByText(`${area} er bestilt.`, { exact: false }).waitFor();
          }
          await expectNoAxeViolations(a, 'the services ordered');
          assert.deepEqual(admin.problems, []);
        });

        // The operator activates what Nordvik ordered.
        await page.goto(municipalityPage);
        await waitForHeading(page, NAME);
        await page.getByLabel('Begrunnelse for endringen').fill('Bestilt av kommunen, klar til bruk');
        const activate = page.getByRole('button', { name: /^Aktiver / });
        await activate.first().waitFor();
        const toActivate = await activate.count();
        assert.equal(toActivate, 6, 'the six services of the two areas');
        for (let i = 0; i < toActivate; i++) {
          const service = ((await activate.first().textContent()) ?? '').replace(/^Aktiver /, '');
          await activate.first().click();
          await page.getByRole('status').getByText(`${service} er aktivert.`).waitFor();
          await page.getByRole('button', { name: `Aktiver ${service}`, exact: true }).waitFor({ state: 'detached' });
        }
        await expectNoAxeViolations(page, 'the municipality with its services active');

        // The population register: Nordvik's residents.
        await nav.getByRole('link', { name: 'Folkeregister' }).click();
        await waitForHeading(page, 'Folkeregisteret');
        assert.equal(await nav.getByRole('link', { name: 'Folkeregister' }).getAttribute('aria-current'), 'page');
        await expectNoAxeViolations(page, 'the population import');
        await page.getByRole('button', { name: 'Les inn' }).click();
        await page.getByText('Velg filen med uttrekket.').first().waitFor();
        await page
          .getByLabel('Registeruttrekk')
          .setInputFiles({ name: 'nordvik-uttrekk.json', mimeType: 'application/json', buffer: registerExtract() });
        await page.getByRole('button', { name: 'Les inn' }).click();
        await page.getByRole('status').getByText('nordvik-uttrekk.json er lest inn.').waitFor();
        const facts = page.getByRole('region', { name: 'Resultat' });
        const count = async (label: string) =>
          (
            await facts
              .locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) })
              .locator('+ dd')
              .textContent()
          )?.trim();
        assert.equal(await count('Nye personer'), '2');
        assert.equal(await count('Avvist'), '1');
        const refusal = facts
          .getByRole('table', { name: 'Avviste oppføringer' })
          .getByRole('row', { name: /Oppføring 3/ });
        assert.match((await refusal.textContent()) ?? '', /identifikasjonsnummer/);
        await expectNoAxeViolations(page, 'the import summary with a refusal');

        // The nurse registers Arne as a user of home care.
        await journey.visit('onboarding-nurse', DESKTOP, async (nurse) => {
          const n = nurse.page;
          await logInWithNin(n, NURSE.nin, 'personnel', '/ansatt/brukere');
          await waitForHeading(n, 'Brukere av tjenesten');
          const form = n.getByRole('region', { name: 'Registrer bruker' });
          await form.getByLabel('Fødselsnummer').fill(CITIZEN.nin);
          await form.getByLabel('Startdato').fill(osloDay(0));
          await form.getByRole('button', { name: 'Registrer' }).click();
          await n.getByText(`${CITIZEN.given} ${CITIZEN.family} er registrert som bruker av tjenesten.`).waitFor();
          assert.deepEqual(nurse.problems, []);
        });

        // Arne sees the unit and writes to it; the EPJ answers; Arne reads the answer.
        await journey.visit('onboarding-citizen', PHONE, async (citizen) => {
          const c = citizen.page;
          await logInWithNin(c, CITIZEN.nin, 'citizen', '/');
          await waitForHeading(c, 'Min side');
          const contacts = c.getByRole('region', { name: 'Helsekontakter i kommunen' });
          await contacts.getByRole('link', { name: `Skriv til ${UNIT}` }).click();
          await waitForHeading(c, 'Ny melding');
          assert.ok(await c.getByRole('radio', { name: new RegExp(`^${escapeRegExp(UNIT)}`) }).isChecked());
          await c.getByRole('textbox', { name: /^Emne/ }).fill(SUBJECT);
          await c.getByRole('textbox', { name: /^Melding/ }).fill(QUESTION);
          await c.getByRole('button', { name: 'Send melding' }).click();
          await waitForHeading(c, SUBJECT);

          const out = await epjSim(journey.baseUrl, secret);
          assert.match(out, new RegExp(`conversation\\.created\\s+${escapeRegExp(UNIT)}\\s+«${SUBJECT}»`));
          assert.match(out, /1 nye hendelser, 1 svar sendt\./);

          await c.reload();
          await waitForHeading(c, SUBJECT);
          const theirs = c.locator('.hb-message--unit');
          await theirs.getByText(`${NURSE.given} ${NURSE.family}, ${UNIT}`).waitFor();
          await theirs.getByText(ANSWER).waitFor();
          await expectNoAxeViolations(c, "Arne's conversation answered from the EPJ");

          // A service the operator suspends leaves Arne's pages, and the server refuses it (seed 000 §5.1).
          const citizenNav = c.getByRole('navigation', { name: 'Min side' });
          await citizenNav.getByRole('link', { name: /^Meldinger/ }).waitFor();
          await page.goto(municipalityPage);
          await waitForHeading(page, NAME);
          await page.getByLabel('Begrunnelse for endringen').fill('Feil i meldingsutvekslingen hos leverandøren');
          await page.getByRole('button', { name: 'Stans Dialog', exact: true }).click();
          await page.getByRole('status').getByText('Dialog er stanset.').waitFor();
          await c.reload();
          await waitForHeading(c, SUBJECT);
          await citizenNav.getByRole('link', { name: 'Timeavtaler' }).waitFor();
          assert.equal(await citizenNav.getByRole('link', { name: /^Meldinger/ }).count(), 0);
          await c.getByRole('textbox', { name: 'Svaret ditt' }).fill('Takk! Og husk nøkkelen.');
          await c.getByRole('button', { name: 'Send svar' }).click();
          await c.getByText('Tjenesten «Dialog» er ikke tatt i bruk i kommunen.').waitFor();
          citizen.problems.splice(0); // the refused reply's 409, expected here
          assert.deepEqual(citizen.problems, []);
        });

        assert.deepEqual(op.problems, []);
        console.log(`onboarding journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }),
  );
});
