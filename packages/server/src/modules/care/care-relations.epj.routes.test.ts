import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CareRelationChangesResponse, UnitCareRelation } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { requestEpjToken } from '../../../test/epj-token.ts';
import { bornAgo } from '../../../test/ages.ts';
import { makeMunicipality, makePerson, makeServiceUnit, type Person } from '../../../test/factories.ts';
import { registerMachineClient } from '../identity/index.ts';

describe('EPJ API: care relations registered, ended and listed by the municipality’s EPJ', () => {
  let t: TestApp;
  let unitId: string, otherUnitId: string;
  let per: Person;
  const tokens = new Map<string, string>();
  const epj = (client: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens.get(client)}` },
      ...(payload ? { payload } : {}),
    });

  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.app.platform.db;
    const a = await makeMunicipality(db);
    const b = await makeMunicipality(db);
    unitId = (await makeServiceUnit(db, a.id, { name: 'Hjemmesykepleien' })).id;
    otherUnitId = (await makeServiceUnit(db, b.id, { name: 'Hjemmesykepleien B' })).id;
    per = await makePerson(db, {
      municipalityId: a.id,
      givenName: 'Per',
      familyName: 'Hansen',
      birthDate: bornAgo(80),
    });
    for (const [clientId, m] of [
      ['epj-a', a],
      ['epj-b', b],
    ] as const) {
      const clientSecret = `${clientId}-secret-0123456789`;
      await registerMachineClient(db, { clientId, clientName: clientId, clientSecret, orgNumber: m.orgNumber });
      const answer = await requestEpjToken(t, clientId, clientSecret);
      tokens.set(clientId, String((answer.body as { access_token?: string }).access_token));
    }
  });
  after(async () => {
    await t.close();
  });

  it('registers by identity number, lists the change, ends it, and keeps another municipality out', async () => {
    const created = await epj('epj-a', 'POST', '/epj/v1/care-relations', {
      nin: per.nin,
      serviceUnitId: unitId,
      validFrom: '2025-01-01',
    });
    assert.equal(created.statusCode, 201, created.body);
    const rel = created.json<UnitCareRelation>();
    assert.equal(rel.person.displayName, 'Per Hansen');
    const [row] = await t.database.query<{ created_by: string | null }>(
      'SELECT created_by_personnel_id AS created_by FROM care_relations WHERE id = $1',
      [rel.id],
    );
    assert.deepEqual(row, { created_by: null });

    const changes = (await epj('epj-a', 'GET', '/epj/v1/care-relations/changes')).json<CareRelationChangesResponse>();
    assert.deepEqual(
      changes.items.map((i) => i.id),
      [rel.id],
    );
    const after = await epj(
      'epj-a',
      'GET',
      `/epj/v1/care-relations/changes?since=${encodeURIComponent(changes.next!)}`,
    );
    assert.deepEqual(after.json<CareRelationChangesResponse>().items, []);

    const foreign = await epj('epj-b', 'POST', `/epj/v1/care-relations/${rel.id}/end`, {
      validTo: '2025-06-30',
      reason: 'moved',
    });
    assert.equal(foreign.statusCode, 404);
    assert.deepEqual(
      (await epj('epj-b', 'GET', '/epj/v1/care-relations/changes')).json<CareRelationChangesResponse>().items,
      [],
    );
    const intoOther = await epj('epj-a', 'POST', '/epj/v1/care-relations', {
      nin: per.nin,
      serviceUnitId: otherUnitId,
      validFrom: '2025-01-01',
    });
    assert.equal(intoOther.statusCode, 404);

    const ended = await epj('epj-a', 'POST', `/epj/v1/care-relations/${rel.id}/end`, {
      validTo: '2025-06-30',
      reason: 'moved',
    });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.deepEqual(
      [ended.json<UnitCareRelation>().validTo, ended.json<UnitCareRelation>().active],
      ['2025-06-30', false],
    );
    const later = await epj(
      'epj-a',
      'GET',
      `/epj/v1/care-relations/changes?since=${encodeURIComponent(changes.next!)}`,
    );
    assert.deepEqual(
      later.json<CareRelationChangesResponse>().items.map((i) => i.endReason),
      ['moved'],
    );
    assert.equal((await t.app.inject({ method: 'GET', url: '/epj/v1/care-relations/changes' })).statusCode, 401);
  });
});
