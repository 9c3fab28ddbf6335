import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import * as schema from './schema.ts';
import { MUNICIPAL_TABLES, PLATFORM_TABLES } from './tenancy.ts';

describe('database schema', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  const columns = async () =>
    database.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );

  it('has every column the drizzle schema names (the migrations are the source of truth)', async () => {
    const inDb = new Set((await columns()).map((c) => `${c.table_name}.${c.column_name}`));
    for (const table of Object.values(schema) as PgTable[]) {
      const cfg = getTableConfig(table);
      for (const col of cfg.columns) {
        assert.ok(
          inDb.has(`${cfg.name}.${col.name}`),
          `${cfg.name}.${col.name} is in schema.ts but not in the migrations`,
        );
      }
    }
  });

  it('classifies every table as municipal or platform-wide', async () => {
    const tables = new Set((await columns()).map((c) => c.table_name));
    const known = new Set<string>([...MUNICIPAL_TABLES, ...PLATFORM_TABLES]);
    const unclassified = [...tables].filter((t) => !known.has(t) && !t.startsWith('helsebro_'));
    assert.deepEqual(unclassified, [], 'add new tables to MUNICIPAL_TABLES or PLATFORM_TABLES in tenancy.ts');
  });

  it('gives every municipal table a NOT NULL municipality_id', async () => {
    const cols = await columns();
    for (const t of MUNICIPAL_TABLES) {
      const c = cols.find((x) => x.table_name === t && x.column_name === 'municipality_id');
      assert.ok(c, `${t} has no municipality_id`);
      assert.equal(c.is_nullable, 'NO', `${t}.municipality_id must be NOT NULL`);
    }
  });
});
