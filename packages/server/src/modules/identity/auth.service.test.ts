import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { makeMunicipality, makeOperator, makePerson, makePersonnel } from '../../../test/factories.ts';
import { subjectForClaims } from './auth.service.ts';
import { LoginFailedError } from './auth.errors.ts';

const PID = 'helseid://claims/identity/pid';
const ORGNR = 'helseid://claims/client/claims/orgnr_parent';
const HPR = 'helseid://claims/hpr/hpr_number';

describe('mapping id-token claims to a Helsebro user', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  const refused = (code: string) => (err: unknown) => err instanceof LoginFailedError && err.code === code;

  it('maps an ID-porten citizen at level high or substantial', async () => {
    const m = await makeMunicipality(database.db);
    const p = await makePerson(database.db, { municipalityId: m.id });
    for (const acr of ['idporten-loa-high', 'idporten-loa-substantial']) {
      assert.deepEqual(await subjectForClaims(database.db, { pid: p.nin, acr }), {
        kind: 'citizen',
        personId: p.id,
        municipalityId: m.id,
      });
    }
  });

  it('refuses a citizen below level substantial (403)', async () => {
    const p = await makePerson(database.db);
    for (const acr of ['idporten-loa-low', 'Level3', undefined]) {
      await assert.rejects(subjectForClaims(database.db, { pid: p.nin, acr }), refused('insufficient_assurance'));
    }
  });

  it('refuses someone not in the register (403)', async () => {
    await assert.rejects(
      subjectForClaims(database.db, { pid: '01810100000', acr: 'idporten-loa-high' }),
      refused('not_registered'),
    );
    await assert.rejects(subjectForClaims(database.db, { sub: 'x' }), refused('not_registered'));
  });

  it('names who was refused, so the web can say whom to ask: staff their administrator, citizens not', async () => {
    const audience = async (claims: Record<string, unknown>) => {
      const err = await subjectForClaims(database.db, claims).catch((e: unknown) => e);
      assert.ok(err instanceof LoginFailedError);
      return [err.code, err.extensions.audience];
    };
    assert.deepEqual(await audience({ [PID]: '01810100000', [HPR]: '1234567' }), ['not_registered', 'staff']);
    assert.deepEqual(await audience({ pid: '01810100000', acr: 'idporten-loa-high' }), ['not_registered', 'citizen']);
  });

  it('picks the municipality from orgnr_parent for personnel working in several', async () => {
    const a = await makeMunicipality(database.db);
    const b = await makeMunicipality(database.db);
    const n = await makePersonnel(database.db, { municipalityId: a.id });
    await database.query("INSERT INTO personnel_roles (municipality_id, personnel_id, role) VALUES ($1, $2, 'nurse')", [
      b.id,
      n.id,
    ]);
    const claims = { [PID]: n.nin, [HPR]: n.hprNumber };
    assert.deepEqual(await subjectForClaims(database.db, { ...claims, [ORGNR]: b.orgNumber }), {
      kind: 'personnel',
      personnelId: n.id,
      municipalityId: b.id,
    });
    await assert.rejects(subjectForClaims(database.db, claims), refused('municipality_unknown'));
    await assert.rejects(
      subjectForClaims(database.db, { ...claims, [ORGNR]: '999999999' }),
      refused('municipality_unknown'),
    );
  });

  it('maps a HelseID identity without HPR or organisation to an operator', async () => {
    const o = await makeOperator(database.db);
    assert.deepEqual(await subjectForClaims(database.db, { [PID]: o.nin }), { kind: 'operator', operatorId: o.id });
  });
});
