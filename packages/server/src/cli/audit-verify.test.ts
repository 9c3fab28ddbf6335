import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordAudit } from '../platform/audit/audit.ts';
import { sealAll } from '../platform/audit/sealer.ts';
import { asSuperuser, sealAndAnchor } from '../platform/audit/testing/tamper.ts';
import { formatVerifyResult } from '../platform/audit/verify-report.ts';
import { progressBar } from '../platform/cli/progress.ts';
import { systemContext } from '../platform/http/request-context.ts';
import { childEnv, createSharedStore, type SharedStore } from '../platform/jobs/testing/shared-store.ts';

const KEY = 'cli-test-audit-key-0123456789abcdef01234';
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = fileURLToPath(new URL('./audit-verify.ts', import.meta.url));

type Run = { code: number | null; stdout: string; stderr: string };

function runCli(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

void describe('npm run audit:verify', () => {
  let store: SharedStore;
  before(async () => {
    store = await createSharedStore();
    const database = await store.open();
    for (let i = 1; i <= 5; i++) {
      await recordAudit(database.db, systemContext('test', `req-${i}`), {
        action: 'test.step',
        details: { step: i },
        resourceType: 'thing',
      });
    }
    await sealAll(database, KEY);
    await recordAudit(database.db, systemContext('test'), { action: 'test.step', resourceType: 'thing' });
    await database.close();
  });
  after(async () => {
    await store.cleanup();
  });

  void it('reports an intact chain and exits 0', async () => {
    const run = await runCli({ ...store.env, AUDIT_KEY: KEY });
    assert.equal(run.stdout, 'Audit chain intact: 5 entries verified (1 not yet sealed).\n', run.stderr);
    assert.equal(run.code, 0);
  });

  void it('names the tampered entry, without the identity number written into it, and exits 1', async () => {
    const database = await store.open();
    await asSuperuser(database, "UPDATE audit_log SET action = 'thing.step3 for 01017012345' WHERE seq = 3");
    const [row] = await database.query<{ id: string }>('SELECT id::text AS id FROM audit_log WHERE seq = 3');
    await database.close();
    const run = await runCli({ ...store.env, AUDIT_KEY: KEY });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(
        `^Audit chain broken at entry #3 \\(id ${row?.id}, \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, thing\\.step3 for \\*{11}\\): changed — `,
      ),
    );
    assert.doesNotMatch(run.stdout + run.stderr, /01017012345/);
  });

  void it('says so plainly when the embedded store is open in a running server', async (t) => {
    if (store.kind !== 'pglite') {
      t.diagnostic('only the embedded store is owned by one process');
      return;
    }
    const database = await store.open();
    try {
      const run = await runCli({ ...store.env, AUDIT_KEY: KEY });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /in use by a running Helsebro server/);
      assert.equal(run.stdout, '');
    } finally {
      await database.close();
    }
  });
});

void describe('npm run audit:verify against the checkpoints', () => {
  let store: SharedStore;
  let dir: string;
  let file: string;
  before(async () => {
    store = await createSharedStore();
    dir = mkdtempSync(join(tmpdir(), 'helsebro-cli-checkpoints-'));
    file = join(dir, 'audit-checkpoints.jsonl');
    const database = await store.open();
    for (let i = 1; i <= 5; i++) {
      await recordAudit(database.db, systemContext('test', `req-${i}`), { action: 'test.step', resourceType: 'thing' });
    }
    await sealAndAnchor(database, KEY, file);
    await database.close();
  });
  after(async () => {
    await store.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const checkpoint = (): { seq: number; hash: string; sealedAt: string } =>
    JSON.parse(readFileSync(file, 'utf8')) as { seq: number; hash: string; sealedAt: string };

  void it('reports a chain its checkpoints agree with and exits 0', async () => {
    const run = await runCli({ ...store.env, AUDIT_KEY: KEY, AUDIT_CHECKPOINT_FILE: file });
    assert.equal(
      run.stdout,
      'Audit chain intact: 5 entries verified (0 not yet sealed).\n' +
        `Checkpoints intact: 1 in the chain, the latest #5 sealed ${checkpoint().sealedAt}.\n`,
      run.stderr,
    );
    assert.doesNotMatch(run.stderr, /Warning/);
    assert.equal(run.code, 0);
  });

  void it('warns about a missing checkpoint file and exits 0', async () => {
    const absent = join(dir, 'absent.jsonl');
    const run = await runCli({ ...store.env, AUDIT_KEY: KEY, AUDIT_CHECKPOINT_FILE: absent });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'Audit chain intact: 5 entries verified (0 not yet sealed).\n');
    assert.ok(run.stderr.startsWith(`Warning: no audit checkpoints at ${absent}, so a rewind`), run.stderr);
  });

  void it('reports a tampered checkpoint file and exits 1', async () => {
    const forged = join(dir, 'forged.jsonl');
    writeFileSync(forged, readFileSync(file, 'utf8').replace(/"seq":5/, '"seq":4'));
    const run = await runCli({ ...store.env, AUDIT_KEY: KEY, AUDIT_CHECKPOINT_FILE: forged });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      'Audit chain intact: 5 entries verified (0 not yet sealed).\n' +
        `Audit checkpoint file tampered: line 1 of ${forged} does not verify — its HMAC does not verify with the audit key.\n`,
    );
  });

  void it('names the rewind of the newest entries and the chain head, and exits 1', async () => {
    const database = await store.open();
    await asSuperuser(
      database,
      `DELETE FROM audit_log WHERE seq > 3;
       UPDATE audit_chain_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3)`,
    );
    await database.close();
    const { hash, sealedAt } = checkpoint();
    const run = await runCli({ ...store.env, AUDIT_KEY: KEY, AUDIT_CHECKPOINT_FILE: file });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      `Audit chain rewound: checkpoint seq 5 hash ${hash} (sealed ${sealedAt}, line 1) is missing: the log ends at #3.\n`,
    );
  });
});

void describe('audit:verify output', () => {
  void it('prints a progress bar on a terminal only, and clears it', () => {
    const written: string[] = [];
    let t = 0;
    const bar = progressBar(
      'entries',
      { isTTY: true, columns: 80, write: (s: string) => written.push(s) },
      () => (t += 200),
    );
    bar.update(500, 1000);
    bar.update(1000, 1000);
    bar.end();
    bar.end();
    assert.match(written[0] ?? '', /^\r\[#{20}-{20}\] {2}50% 500\/1000 entries$/);
    assert.match(written[1] ?? '', /100% 1000\/1000/);
    assert.deepEqual(written.slice(2), ['\r\x1b[K']);
    const quiet: string[] = [];
    const none = progressBar('entries', { isTTY: false, write: (s: string) => quiet.push(s) });
    none.update(1, 2);
    none.end();
    assert.deepEqual(quiet, []);
  });

  void it('words an entry that is gone', () => {
    const line = formatVerifyResult({
      ok: false,
      checked: 4,
      pending: 0,
      firstProblem: { id: null, seq: 5, occurredAt: null, action: null, kind: 'removed', detail: 'gone' },
    });
    assert.equal(line, 'Audit chain broken at entry #5 (no longer in the log): removed — gone.');
  });
});
