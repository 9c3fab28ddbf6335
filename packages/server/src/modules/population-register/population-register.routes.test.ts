import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  makeSyntheticNin,
  type PopulationImportSummary,
  type PopulationPersonDocument,
  type RepresentationChoicesResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { bornAgo } from '../../../test/ages.ts';
import { makeMunicipality, makeOperator } from '../../../test/factories.ts';

const address = {
  kommunenummer: '9912',
  vegadresse: { adressenavn: 'Storgata', husnummer: '1', postnummer: '9990', poststed: 'FJORDVIK' },
};

function doc(birthDate: string, start: number, fornavn: string, extra: Partial<PopulationPersonDocument> = {}) {
  return {
    identifikasjonsnummer: makeSyntheticNin(birthDate, start),
    navn: { fornavn, etternavn: 'Registersen' },
    foedsel: { foedselsdato: birthDate },
    bostedsadresse: address,
    ...extra,
  } satisfies PopulationPersonDocument;
}

describe('population register import: documents and events, idempotent, in effect at once', () => {
  let t: TestApp;
  let operator: LoggedIn;
  const mother = doc('1984-05-02', 11, 'Marit');
  const child = doc(bornAgo(8), 12, 'Lea');
  const sibling = doc(bornAgo(6), 13, 'Ola');
  const withParent = (d: ReturnType<typeof doc>) => ({
    ...d,
    foreldreansvar: [
      { ansvarlig: mother.identifikasjonsnummer, ansvar: 'felles', gyldigFraOgMed: d.foedsel.foedselsdato },
    ],
  });

  const importJson = (payload: unknown, who = operator) =>
    t.app.inject({
      method: 'POST',
      url: '/api/operator/population-register/import',
      headers: who.headers,
      payload: payload as object,
    });
  const importNdjson = (events: unknown[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/operator/population-register/import',
      headers: { ...operator.headers, 'content-type': 'application/x-ndjson' },
      payload: events.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n'),
    });
  const personId = async (nin: string) =>
    (await t.database.query<{ id: string }>('SELECT id FROM persons WHERE nin = $1', [nin]))[0]!.id;
  const choicesOf = async (who: LoggedIn) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/representation/choices', headers: who.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res
      .json<RepresentationChoicesResponse>()
      .choices.map((c) => [c.displayName, c.available, c.reason?.code ?? null]);
  };

  before(async () => {
    t = await buildTestApp();
    await makeMunicipality(t.app.platform.db, { name: 'Registervik kommune', number: '9912' });
    const op = await makeOperator(t.app.platform.db);
    operator = await loginAs(t.app, { kind: 'operator', operatorId: op.id });
  });
  after(async () => {
    await t.close();
  });

  it('imports a JSON extract, a parent after her children, and refuses bad records by index without stopping', async () => {
    const real = { ...doc('1984-05-02', 14, 'Ekte'), identifikasjonsnummer: '01018412345' };
    const res = await importJson([
      withParent(child),
      { navn: { fornavn: 'Uten', etternavn: 'Nummer' } },
      withParent(sibling),
      { ...doc('1990-01-01', 15, 'Feil'), foedsel: { foedselsdato: '1990-01-02' } },
      mother,
      real,
    ]);
    assert.equal(res.statusCode, 200, res.body);
    const summary = res.json<PopulationImportSummary>();
    assert.deepEqual([summary.created, summary.changed, summary.unchanged, summary.refused], [3, 0, 0, 3]);
    assert.deepEqual(
      summary.refusals.map((r) => [r.index, r.reason.split(':')[0]]),
      [
        [1, 'felt identifikasjonsnummer'],
        [3, 'felt foedsel.foedselsdato'],
        [5, 'felt identifikasjonsnummer'],
      ],
    );
    assert.doesNotMatch(res.body, new RegExp(mother.identifikasjonsnummer));
    const rows = await t.database.query<{
      given_name: string;
      municipality_number: string;
      dwelling_key: string;
      m: string;
    }>(
      `SELECT p.given_name, p.municipality_number, p.dwelling_key, m.name AS m FROM persons p
       JOIN municipalities m ON m.id = p.municipality_id WHERE p.family_name = 'Registersen' ORDER BY p.given_name`,
    );
    assert.deepEqual(
      rows.map((r) => [r.given_name, r.municipality_number, r.dwelling_key, r.m]),
      ['Lea', 'Marit', 'Ola'].map((n) => [n, '9912', '9912|storgata 1|9990', 'Registervik kommune']),
    );
    const parents = await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM parental_responsibilities WHERE parent_id = $1',
      [await personId(mother.identifikasjonsnummer)],
    );
    assert.equal(parents[0]!.n, 2);
    // The audit entry has the counts and no identity number.
    const [entry] = await t.database.query<{ details: Record<string, unknown>; actor_kind: string }>(
      "SELECT details, actor_kind FROM audit_log WHERE action = 'population_register.import' ORDER BY id DESC LIMIT 1",
    );
    assert.deepEqual(entry, {
      actor_kind: 'operator',
      details: { format: 'json', created: 3, changed: 0, unchanged: 0, refused: 3 },
    });
  });

  it('answers a replay of the same extract as unchanged, and a changed name as changed', async () => {
    const replay = await importJson([withParent(child), withParent(sibling), mother]);
    assert.deepEqual((({ refusals: _r, ...c }) => c)(replay.json<PopulationImportSummary>()), {
      created: 0,
      changed: 0,
      unchanged: 3,
      refused: 0,
    });
    const renamed = await importJson([
      { ...mother, navn: { fornavn: 'Marit', mellomnavn: 'Elise', etternavn: 'Registersen' } },
    ]);
    assert.equal(renamed.json<PopulationImportSummary>().changed, 1);
    const [row] = await t.database.query<{ given_name: string }>('SELECT given_name FROM persons WHERE nin = $1', [
      mother.identifikasjonsnummer,
    ]);
    assert.equal(row!.given_name, 'Marit Elise');
  });

  it('ends representation at once on a death event and blocks it on a new confidential address; a replay changes nothing', async () => {
    const marit = await loginAs(t.app, { kind: 'citizen', personId: await personId(mother.identifikasjonsnummer) });
    assert.deepEqual(await choicesOf(marit), [
      ['Marit Elise Registersen', true, null],
      ['Lea Registersen', true, null],
      ['Ola Registersen', true, null],
    ]);
    const events = [
      {
        type: 'person.died',
        sequence: 101,
        identifikasjonsnummer: child.identifikasjonsnummer,
        doedsfall: { doedsdato: bornAgo(0, 2) },
      },
      {
        type: 'address.changed',
        sequence: 102,
        identifikasjonsnummer: sibling.identifikasjonsnummer,
        bostedsadresse: address,
        adressebeskyttelse: { gradering: 'strengtFortrolig' },
      },
      '{ not json',
      {
        type: 'person.died',
        sequence: 103,
        identifikasjonsnummer: makeSyntheticNin('1950-01-01', 16),
        doedsfall: { doedsdato: '2020-01-01' },
      },
      { type: 'person.created', sequence: 104, person: doc('1999-09-09', 17, 'Nyfødt') },
    ];
    const res = await importNdjson(events);
    assert.equal(res.statusCode, 200, res.body);
    const summary = res.json<PopulationImportSummary>();
    assert.deepEqual([summary.created, summary.changed, summary.unchanged, summary.refused], [1, 2, 0, 2]);
    assert.deepEqual(
      summary.refusals.map((r) => r.line),
      [3, 4],
    );
    assert.deepEqual(await choicesOf(marit), [
      ['Marit Elise Registersen', true, null],
      ['Lea Registersen', false, 'deceased'],
      ['Ola Registersen', false, 'address_protected'],
    ]);
    const [ola] = await t.database.query<{ street_address: string | null; dwelling_key: string | null }>(
      'SELECT street_address, dwelling_key FROM persons WHERE nin = $1',
      [sibling.identifikasjonsnummer],
    );
    assert.deepEqual(ola, { street_address: null, dwelling_key: null });

    const replay = await importNdjson(events.filter((e) => typeof e !== 'string'));
    const again = replay.json<PopulationImportSummary>();
    assert.deepEqual([again.created, again.changed, again.unchanged, again.refused], [0, 0, 3, 1]);
    const reused = await importNdjson([{ ...(events[0] as object), doedsfall: { doedsdato: bornAgo(0, 1) } }]);
    assert.match(reused.json<PopulationImportSummary>().refusals[0]!.reason, /sequence/);
  });

  it('refuses the import to everyone but the operator, and a body that is not an array', async () => {
    const someone = await loginAs(t.app, { kind: 'citizen', personId: await personId(mother.identifikasjonsnummer) });
    assert.equal((await importJson([], someone)).statusCode, 403);
    assert.equal((await importJson({ persons: [] })).statusCode, 400);
  });
});
