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
    assert.equal(await count('parental_responsibilities'), 9);
    assert.equal(await count('fullmakter'), 2);
    assert.equal(await count('care_relations'), 6);
  });

  it('registers the families, the fullmakt and the care relations the representation demos need', async () => {
    const parents = await database.query<{ child: string; parent: string }>(
      `SELECT c.given_name AS child, p.given_name AS parent FROM parental_responsibilities r
       JOIN persons c ON c.id = r.child_id JOIN persons p ON p.id = r.parent_id ORDER BY 1, 2`,
    );
    assert.deepEqual(
      parents.map((r) => `${r.child}<-${r.parent}`),
      [
        'Emma<-Kari',
        'Emma<-Ola',
        'Jonas<-Kari',
        'Jonas<-Ola',
        'Liv<-Erik',
        'Maja<-Hilde',
        'Maja<-Thomas',
        'Sofie<-Kari',
        'Sofie<-Ola',
      ],
    );
    const keys = await database.query<{ given_name: string; dwelling_key: string | null }>(
      "SELECT given_name, dwelling_key FROM persons WHERE given_name IN ('Kari', 'Emma', 'Hilde', 'Maja', 'Thomas', 'Eva')",
    );
    const key = (n: string) => keys.find((k) => k.given_name === n)!.dwelling_key;
    assert.equal(key('Kari'), key('Emma'));
    assert.equal(key('Hilde'), key('Maja'));
    assert.notEqual(key('Thomas'), key('Maja'));
    assert.equal(key('Eva'), null);
    const f = await database.query<{ giver: string; holder: string; areas: string }>(
      `SELECT g.given_name AS giver, h.given_name AS holder, array_to_string(f.service_areas, ',') AS areas
       FROM fullmakter f JOIN persons g ON g.id = f.giver_id JOIN persons h ON h.id = f.holder_id ORDER BY 1`,
    );
    assert.deepEqual(f, [
      { giver: 'Knut', holder: 'Ahmed', areas: 'innsyn' },
      { giver: 'Per', holder: 'Anne', areas: 'digitale_helsetjenester' },
    ]);
    const nora = await database.query(
      "SELECT 1 FROM care_relations r JOIN persons p ON p.id = r.person_id WHERE p.given_name = 'Nora'",
    );
    assert.equal(nora.length, 0);
  });

  it("opens home care and the health station for digital dialog, and a re-seed keeps a unit leader's change", async () => {
    const open = await database.query<{ name: string }>(
      'SELECT DISTINCT name FROM service_units WHERE open_for_dialog ORDER BY name',
    );
    assert.deepEqual(
      open.map((r) => r.name),
      ['Helsestasjonen', 'Hjemmesykepleien'],
    );
    await database.query("UPDATE service_units SET open_for_dialog = false WHERE name = 'Helsestasjonen'");
    await seedDemo(database.db);
    const after = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM service_units WHERE name = 'Helsestasjonen' AND open_for_dialog",
    );
    assert.equal(after[0]!.n, 0);
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
