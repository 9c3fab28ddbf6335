import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../platform/db/client.ts';
import { listMigrations } from '../platform/db/migrate.ts';
import { childEnv } from '../platform/jobs/testing/shared-store.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('./migrate.ts', import.meta.url));

// The command is the same on both stores (platform/db/migrate.ts is tested on both); an embedded store in a
// folder of its own shows what it applies and that a second run applies nothing.
void describe('npm run db:migrate', () => {
  it('applies every migration to a new store, then nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helsebro-migrate-'));
    try {
      const run = () =>
        spawnSync(process.execPath, ['--import', 'tsx', CLI], {
          cwd: ROOT,
          env: childEnv({ DATA_DIR: dir }),
          encoding: 'utf8',
        });
      const all = listMigrations().map((m) => m.version);
      const first = run();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, new RegExp(`Applied ${all.length} migration\\(s\\): ${all.join(', ')}\\.`));
      const second = run();
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /nothing to apply/);
      const database = await openDatabase({ dataDir: join(dir, 'pglite') });
      try {
        const rows = await database.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY 1');
        assert.deepEqual(
          rows.map((r) => r.version),
          all,
        );
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
