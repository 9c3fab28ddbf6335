import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { municipalities, serviceUnits } from './schema.ts';
import { inMunicipality } from './tenancy.ts';
import { anonymousContext } from '../http/request-context.ts';
import { ForbiddenError } from '../errors.ts';

describe('tenant filter', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  it("returns only the caller's municipality's rows", async () => {
    const db = database.db;
    const [a, b] = await db
      .insert(municipalities)
      .values([
        { number: '9981', name: 'A kommune', orgNumber: '981000001' },
        { number: '9982', name: 'B kommune', orgNumber: '981000002' },
      ])
      .returning();
    await db.insert(serviceUnits).values([
      { municipalityId: a!.id, name: 'Hjemmesykepleien', kind: 'home_care' },
      { municipalityId: b!.id, name: 'Hjemmesykepleien', kind: 'home_care' },
    ]);
    const ctx = { ...anonymousContext('t'), municipalityId: a!.id };
    const rows = await db.select().from(serviceUnits).where(inMunicipality(serviceUnits.municipalityId, ctx));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.municipalityId, a!.id);
  });

  it('refuses a caller without a municipality instead of returning every municipality', () => {
    assert.throws(() => inMunicipality(serviceUnits.municipalityId, anonymousContext('t')), ForbiddenError);
  });
});
