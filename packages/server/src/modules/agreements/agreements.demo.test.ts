import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { makeMunicipality, makeOperator, makePersonnel } from '../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import { municipalityDigifin, termsAcceptances, termsVersions } from '../../platform/db/schema.ts';
import { termsStatusOf } from './acceptance.service.ts';
import { seedTermsDemo } from './agreements.demo.ts';

void describe('seedTermsDemo', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  void it('publishes the special terms 2.0 → 3.2 and the general terms, records DigiFin and accepts, once', async () => {
    const db = database.db;
    await makeOperator(db);
    const withAdmin = await makeMunicipality(db);
    const admin = await makePersonnel(db, { municipalityId: withAdmin.id, role: 'municipal_admin' });
    const withoutAdmin = await makeMunicipality(db);
    await db.transaction((tx) => seedTermsDemo(tx));
    await db.transaction((tx) => seedTermsDemo(tx));

    const versions = await db.select().from(termsVersions);
    assert.deepEqual(
      versions
        .filter((v) => v.document === 'special')
        .map((v) => v.version)
        .sort(),
      ['2.0', '2.1', '2.2', '3.0', '3.1', '3.2'],
    );
    assert.ok(versions.every((v) => v.status === 'published'));
    assert.ok(versions.filter((v) => v.significant).every((v) => v.ksAnswer !== null));

    const status = await termsStatusOf(
      db,
      { ...systemContext('t'), municipalityId: withAdmin.id },
      osloDateOf(new Date()),
    );
    assert.deepEqual(
      status.documents.map((d) => [d.document, d.current?.version, d.acceptance?.acceptedByName, d.history.length]),
      [
        ['general', '1.0', `${admin.givenName} ${admin.familyName}`, 0],
        ['special', '3.2', `${admin.givenName} ${admin.familyName}`, 5],
      ],
    );
    assert.deepEqual(status.digifinMissing, []);
    const digifin = await db
      .select()
      .from(municipalityDigifin)
      .where(eq(municipalityDigifin.municipalityId, withoutAdmin.id));
    assert.equal(digifin.length, 1);
    assert.equal((await db.select().from(termsAcceptances)).length, 2);
  });
});
