import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSyntheticNin } from '@helsebro/contracts';
import { openDatabase } from '../platform/db/client.ts';
import { childEnv } from '../platform/jobs/testing/shared-store.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('./operator-add.ts', import.meta.url));

// addOperator is one INSERT and its audit entry; the command is shown on an embedded store in a folder of its own,
// as an installation's first operator is added before the server has ever started.
void describe('npm run operator:add', () => {
  it('adds the first operator once, audited, never printing the identity number; refuses a bad number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helsebro-operator-add-'));
    const nin = makeSyntheticNin('1981-06-02');
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
          cwd: ROOT,
          env: childEnv({ DATA_DIR: dir }),
          encoding: 'utf8',
        });
      const bad = run('--nin', '01018112345', '--given', 'Åse', '--family', 'Drift');
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /identity number is not valid/);
      const missing = run('--nin', nin, '--given', 'Åse');
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /usage: npm run operator:add/);

      const first = run('--nin', nin, '--given', 'Åse', '--family', 'Drift');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Operator Åse Drift added \(id [0-9a-f-]{36}\)/);
      const second = run('--nin', nin, '--given', 'Åse', '--family', 'Drift');
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /already exists .*nothing changed/);
      assert.ok(!`${first.stdout}${first.stderr}${second.stdout}`.includes(nin), 'the number is not printed');

      const database = await openDatabase({ dataDir: join(dir, 'pglite') });
      try {
        const ops = await database.query<{ id: string; given_name: string }>(
          'SELECT id, given_name FROM operators WHERE nin = $1',
          [nin],
        );
        assert.deepEqual(
          ops.map((o) => o.given_name),
          ['Åse'],
        );
        const audit = await database.query<{ actor_kind: string; actor_id: string; resource_id: string }>(
          "SELECT actor_kind, actor_id, resource_id FROM audit_log WHERE action = 'operator.add'",
        );
        assert.deepEqual(audit, [{ actor_kind: 'system', actor_id: 'operator-add', resource_id: ops[0]!.id }]);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
