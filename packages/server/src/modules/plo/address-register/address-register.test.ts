import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADDRESS_REGISTER_FORMAT, type AddressRegisterDocument } from '@helsebro/contracts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { makeOperator, makePerson } from '../../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { createAddressRegister, type AddressRegister } from './address-register.service.ts';
import { DEMO_HOSPITAL_HER_ID, DEMO_HOSPITAL_TOKEN, DEMO_PARTIES } from './demo-register.ts';

const URL_ = '/api/operator/address-register';

void describe('address register', () => {
  let t: TestApp;
  let operator: LoggedIn;
  let citizen: LoggedIn;
  let register: AddressRegister;
  const count = async (sql: string) => Number((await t.database.query<{ n: number }>(sql))[0]!.n);

  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.database.db);
    register = createAddressRegister(t.app.platform);
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(t.database.db)).id });
    const [fjordvik] = await t.database.query<{ id: string }>("SELECT id FROM municipalities WHERE number = '9901'");
    citizen = await loginAs(t.app, {
      kind: 'citizen',
      personId: (await makePerson(t.database.db, { municipalityId: fjordvik!.id })).id,
    });
  });
  after(async () => {
    await t.close();
  });

  void it('is seeded idempotently with the synthetic hospital and the municipalities’ receiving services', async () => {
    const n = await count('SELECT count(*)::int AS n FROM plo_parties');
    assert.equal(n, DEMO_PARTIES.length);
    await seedDemo(t.database.db);
    assert.equal(await count('SELECT count(*)::int AS n FROM plo_parties'), n);
    assert.equal(await count('SELECT count(*)::int AS n FROM plo_partner_credentials'), 1);
    const services = await t.database.query<{ her_id: string; name: string; hosted: boolean; number: string | null }>(
      "SELECT p.her_id, p.name, p.hosted, m.number FROM plo_parties p LEFT JOIN municipalities m ON m.id = p.municipality_id WHERE p.kind = 'service' ORDER BY p.her_id",
    );
    assert.deepEqual(
      services.map((s) => [s.name, s.hosted, s.number]),
      [
        ['Somatikk plo meldingsmottak', false, null],
        ['Psykiatri plo meldingsmottak', false, null],
        ['Sykepleietjeneste, pleie- og omsorg', true, '9901'],
        ['Saksbehandler, pleie, omsorg, rehab', true, '9901'],
        ['Sykepleietjeneste, pleie- og omsorg', true, '9902'],
        ['Saksbehandler, pleie, omsorg, rehab', true, '9902'],
      ],
    );
  });

  void it('uses demo HER-ids above 2^31 − 1, which no real party can have', () => {
    for (const p of DEMO_PARTIES) {
      assert.ok(Number(p.herId) > 2 ** 31 - 1, p.herId);
    }
  });

  void it('knows the demo hospital by its token, stores only the hash, and refuses other tokens', async () => {
    const found = await register.authenticatePartner(DEMO_HOSPITAL_TOKEN);
    assert.equal(found?.party.herId, DEMO_HOSPITAL_HER_ID);
    assert.equal(await register.authenticatePartner(`${DEMO_HOSPITAL_TOKEN}x`), null);
    const rows = await t.database.query<{ token_sha256: string }>('SELECT token_sha256 FROM plo_partner_credentials');
    assert.ok(rows.every((r) => !r.token_sha256.includes(DEMO_HOSPITAL_TOKEN)));
  });

  void it('inherits the transport endpoint and the message-responsible address from the organisation', async () => {
    const somatic = (await register.lookup('9900001001'))!;
    assert.equal(somatic.transportEndpoint, null);
    assert.equal(await register.endpointOf(somatic), 'http://127.0.0.1:8081/edi/v1/messages');
    assert.equal((await register.responsibleOf(somatic))?.email, 'meldingsansvarlig@fjordvik-sykehus.example');
    assert.equal((await register.organisationOf(somatic)).herId, DEMO_HOSPITAL_HER_ID);
  });

  void it('lets only the operator read and write it over HTTP', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: URL_ })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: URL_, headers: citizen.headers })).statusCode, 403);
    const put = await t.app.inject({
      method: 'PUT',
      url: URL_,
      headers: citizen.headers,
      payload: { format: ADDRESS_REGISTER_FORMAT, parties: [] },
    });
    assert.equal(put.statusCode, 403);
  });

  void it('exports JSON that imports back unchanged, and audits both', async () => {
    const res = await t.app.inject({ method: 'GET', url: URL_, headers: operator.headers });
    assert.equal(res.statusCode, 200);
    const doc = res.json<AddressRegisterDocument>();
    assert.equal(doc.format, ADDRESS_REGISTER_FORMAT);
    assert.equal(doc.parties.length, DEMO_PARTIES.length);
    const nursing = doc.parties.find((p) => p.herId === '9900002001')!;
    assert.deepEqual([nursing.parentHerId, nursing.municipalityNumber, nursing.hosted], ['9900002000', '9901', true]);
    assert.ok(nursing.capabilities.some((c) => c.messageType === 'LOG_INNLAGT' && c.versions.includes('1.6')));
    const back = await t.app.inject({ method: 'PUT', url: URL_, headers: operator.headers, payload: doc });
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual(back.json(), { created: 0, updated: DEMO_PARTIES.length, removed: 0 });
    const again = await t.app.inject({ method: 'GET', url: URL_, headers: operator.headers });
    assert.deepEqual(again.json(), doc);
    assert.ok((await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'address_register.export'")) >= 2);
    assert.equal(
      await count(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'address_register.import' AND actor_kind = 'operator'",
      ),
      1,
    );
  });

  void it('adds parties in any order (parents first), and a replace removes the ones left out', async () => {
    const doc = (
      await t.app.inject({ method: 'GET', url: URL_, headers: operator.headers })
    ).json<AddressRegisterDocument>();
    const extra = [
      {
        herId: '9900009001',
        name: 'Legekontor',
        kind: 'person' as const,
        parentHerId: '9900009000',
        capabilities: [{ messageType: 'DIALOG_FORESPORSEL' as const, versions: ['1.0' as const] }],
      },
      { herId: '9900009000', name: 'Fjordvik legesenter', kind: 'organisation' as const },
    ];
    const merged = await t.app.inject({
      method: 'PUT',
      url: `${URL_}?mode=merge`,
      headers: operator.headers,
      payload: { format: ADDRESS_REGISTER_FORMAT, parties: extra },
    });
    assert.deepEqual(merged.json(), { created: 2, updated: 0, removed: 0 });
    assert.equal((await register.lookup('9900009001'))?.name, 'Legekontor', 'a local import is seen at once');
    const replaced = await t.app.inject({ method: 'PUT', url: URL_, headers: operator.headers, payload: doc });
    assert.deepEqual(replaced.json(), { created: 0, updated: DEMO_PARTIES.length, removed: 2 });
  });

  void it('refuses a document with an unknown parent, a repeated HER-id, a bad endpoint or an unknown municipality', async () => {
    const put = (parties: unknown[]) =>
      t.app.inject({
        method: 'PUT',
        url: `${URL_}?mode=merge`,
        headers: operator.headers,
        payload: { format: ADDRESS_REGISTER_FORMAT, parties },
      });
    const org = { herId: '9900008000', name: 'X', kind: 'organisation' };
    assert.equal(
      (await put([{ herId: '9900008001', name: 'Y', kind: 'service', parentHerId: '1' }])).json().code,
      'unknown_parent',
    );
    assert.equal((await put([org, org])).json().code, 'duplicate_her_id');
    assert.equal((await put([{ ...org, transportEndpoint: 'file:///etc/passwd' }])).statusCode, 400);
    assert.equal((await put([{ ...org, municipalityNumber: '0000' }])).json().code, 'unknown_municipality');
    assert.equal((await put([{ ...org, kind: 'service' }])).statusCode, 400, 'a service needs a parent');
    assert.equal((await put([{ ...org, herId: '12ab' }])).statusCode, 400);
    assert.equal(await register.lookup('9900008000'), undefined);
  });

  void it('refuses to remove a party that has a credential, messages or children (409)', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: URL_,
      headers: operator.headers,
      payload: {
        format: ADDRESS_REGISTER_FORMAT,
        parties: DEMO_PARTIES.filter((p) => !p.herId.startsWith('99000010')),
      },
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'party_in_use');
    assert.ok(await register.lookup(DEMO_HOSPITAL_HER_ID));
  });

  void it('lets the system (seed) import but not a citizen through the service', async () => {
    const doc = { format: ADDRESS_REGISTER_FORMAT, parties: [] } as AddressRegisterDocument;
    await assert.rejects(
      register.importDocument({ ...systemContext('x'), actor: { kind: 'citizen', personId: 'p' } }, doc),
      /driftsoperatøren/,
    );
  });
});
