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
    assert.equal(await count('personnel'), 12);
    assert.equal(await count('personnel_roles'), 12);
    assert.equal(await count('operators'), 1);
  });

  it('makes the organisations through the onboarding and administration use cases: audited, with an administrator each', async () => {
    const admins = await database.query<{ name: string; municipality: string }>(
      `SELECT p.given_name || ' ' || p.family_name AS name, m.name AS municipality FROM personnel_roles r
       JOIN personnel p ON p.id = r.personnel_id JOIN municipalities m ON m.id = r.municipality_id
       WHERE r.role = 'municipal_admin' ORDER BY 2`,
    );
    assert.deepEqual(
      admins.map((a) => `${a.municipality}: ${a.name}`),
      ['Bakkedal kommune: Jon Brekke', 'Fjordvik kommune: Astrid Aalberg'],
    );
    const systems = await database.query<{ product: string; version: string }>(
      `SELECT e.name AS product, m.epj_version AS version FROM municipalities m JOIN epj_products e ON e.id = m.epj_product_id`,
    );
    assert.deepEqual(systems, [
      { product: 'Demojournal Omsorg', version: '4.3' },
      { product: 'Demojournal Omsorg', version: '4.3' },
    ]);
    const audited = await database.query<{ action: string; actor: string; n: number }>(
      `SELECT action, actor_kind AS actor, count(*)::int AS n FROM audit_log
       WHERE action IN ('municipality.create', 'municipality.administrator.add', 'epj_product.create', 'epj_system.set',
                        'service_unit.create', 'staff.create', 'epj_client.create')
       GROUP BY 1, 2 ORDER BY 1`,
    );
    assert.deepEqual(audited, [
      { action: 'epj_client.create', actor: 'personnel', n: 2 },
      { action: 'epj_product.create', actor: 'operator', n: 1 },
      { action: 'epj_system.set', actor: 'personnel', n: 2 },
      { action: 'municipality.administrator.add', actor: 'operator', n: 2 },
      { action: 'municipality.create', actor: 'operator', n: 2 },
      { action: 'service_unit.create', actor: 'personnel', n: 10 },
      { action: 'staff.create', actor: 'personnel', n: 10 },
    ]);
  });

  it('is idempotent', async () => {
    const changes = async () =>
      Number(
        (
          await database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_log WHERE action ~ '^(municipality|staff|service_unit|epj_)'`,
          )
        )[0]!.n,
      );
    const before = await changes();
    await seedDemo(database.db);
    await seedDemo(database.db);
    assert.equal(await changes(), before, 'a second run changes (and audits) no organisation');
    assert.equal(await count('persons'), 20);
    assert.equal(await count('service_units'), 10);
    assert.equal(await count('personnel_roles'), 12);
    assert.equal(await count('parental_responsibilities'), 9);
    assert.equal(await count('fullmakter'), 2);
    assert.equal(await count('care_relations'), 8);
    assert.equal(await count('dialog_conversations'), 1);
    assert.equal(await count('completed_visits WHERE appointment_id IS NULL'), 1);
  });

  it('gives Kari Nordmann home care, the health station, a conversation, a planned and a done visit, made through the services (issue 15)', async () => {
    await seedDemo(database.db);
    const kari = `(SELECT id FROM persons WHERE given_name = 'Kari' AND family_name = 'Nordmann')`;
    const units = await database.query<{ unit: string; active: boolean }>(
      `SELECT u.name AS unit, r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to >= current_date) AS active
         FROM care_relations r JOIN service_units u ON u.id = r.service_unit_id WHERE r.person_id = ${kari} ORDER BY 1`,
    );
    assert.deepEqual(units, [
      { unit: 'Helsestasjonen', active: true },
      { unit: 'Hjemmesykepleien', active: true },
    ]);
    const conversations = await database.query<{ unit: string; status: string; sides: string }>(
      `SELECT u.name AS unit, c.status, string_agg(m.from_side, ',' ORDER BY m.created_at) AS sides
         FROM dialog_conversations c JOIN service_units u ON u.id = c.service_unit_id
         JOIN dialog_messages m ON m.conversation_id = c.id WHERE c.person_id = ${kari} GROUP BY 1, 2`,
    );
    assert.deepEqual(conversations, [{ unit: 'Helsestasjonen', status: 'closed', sides: 'citizen,unit' }]);
    const upcoming = await database.query<{ unit: string; kind: string }>(
      `SELECT u.name AS unit, t.kind FROM appointments a JOIN service_units u ON u.id = a.service_unit_id
         JOIN appointment_types t ON t.id = a.appointment_type_id
        WHERE a.person_id = ${kari} AND a.status = 'booked' AND a.starts_at > now() AND t.kind = 'home_visit'`,
    );
    assert.deepEqual(upcoming, [{ unit: 'Hjemmesykepleien', kind: 'home_visit' }]);
    const done = await database.query<{ by: string; past: boolean }>(
      `SELECT p.given_name AS by, v.performed_at < now() AS past FROM completed_visits v
         JOIN personnel p ON p.id = v.staff_personnel_id WHERE v.person_id = ${kari}`,
    );
    assert.deepEqual(done, [{ by: 'Siri', past: true }]);
    // Made by the product's services, as staff and Kari would: each write is in the audit log under its actor.
    const audited = await database.query<{ action: string; actor: string; n: number }>(
      `SELECT action, actor_kind AS actor, count(*)::int AS n FROM audit_log
        WHERE subject_person_id = ${kari} AND outcome = 'success'
          AND action IN ('care_relation.create', 'dialog.conversation.start', 'dialog.message.send', 'dialog.conversation.close',
                         'appointment.create', 'completed_visit.create')
        GROUP BY 1, 2 ORDER BY 1`,
    );
    assert.deepEqual(audited, [
      { action: 'appointment.create', actor: 'personnel', n: 1 },
      { action: 'care_relation.create', actor: 'personnel', n: 2 },
      { action: 'completed_visit.create', actor: 'personnel', n: 1 },
      { action: 'dialog.conversation.close', actor: 'personnel', n: 1 },
      { action: 'dialog.conversation.start', actor: 'citizen', n: 1 },
      { action: 'dialog.message.send', actor: 'personnel', n: 1 },
    ]);
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
