import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNin } from '@helsebro/contracts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { seedDemo, seedPersons } from './index.ts';

describe('demo seed', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  const count = async (table: string) =>
    Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

  it('creates two municipalities with units, about 20 citizens, about 10 personnel and an operator', async () => {
    await seedDemo(database.db);
    assert.equal(await count('municipalities'), 2);
    assert.equal(await count('service_units'), 10);
    assert.equal(await count('persons'), 20);
    assert.equal(await count('personnel'), 10);
    assert.equal(await count('personnel_roles'), 10);
    assert.equal(await count('operators'), 1);
  });

  it('is idempotent', async () => {
    await seedDemo(database.db);
    await seedDemo(database.db);
    assert.equal(await count('persons'), 20);
    assert.equal(await count('service_units'), 10);
    assert.equal(await count('personnel_roles'), 10);
  });

  it('uses only valid synthetic identity numbers that match the birth dates', async () => {
    const rows = await database.query<{ nin: string; birth_date: string }>(
      "SELECT nin, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM persons UNION ALL SELECT nin, NULL FROM personnel UNION ALL SELECT nin, NULL FROM operators",
    );
    for (const r of rows) {
      const decoded = decodeNin(r.nin);
      assert.ok(decoded, `invalid number for ${r.birth_date ?? 'staff'}`);
      assert.match(decoded.kind, /^synthetic/);
      if (r.birth_date) {
        assert.equal(decoded.birthDate, r.birth_date);
      }
    }
  });

  it('adds N extra valid synthetic persons in batches', async () => {
    const before = await count('persons');
    const added = await seedPersons(database.db, 2500, 1000);
    assert.equal(added, 2500);
    assert.equal(await count('persons'), before + 2500);
    const invalid = await database.query<{ nin: string }>('SELECT nin FROM persons');
    assert.equal(invalid.filter((r) => !decodeNin(r.nin)).length, 0);
  });
});
