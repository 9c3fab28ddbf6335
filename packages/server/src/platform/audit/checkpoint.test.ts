import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { systemContext } from '../http/request-context.ts';
import { capturingLogger, waitFor } from '../jobs/testing/platform.ts';
import { recordAudit } from './audit.ts';
import { checkpointFile, checkpointKey, checkpointLine, type Checkpoint } from './checkpoint.ts';
import { sealAll, startAuditSealer } from './sealer.ts';
import { asSuperuser, sealAndAnchor } from './testing/tamper.ts';
import { verifyAuditChain, type VerifyResult } from './verify.ts';
import { formatVerifyReport } from './verify-report.ts';

const KEY = 'test-audit-key-0123456789abcdef0123456789';

type Line = Checkpoint & { mac: string };
const linesOf = (file: string): Line[] =>
  (existsSync(file) ? readFileSync(file, 'utf8') : '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

async function record(database: TestDatabase, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await recordAudit(database.db, systemContext('test', `req-${i}`), {
      action: 'test.step',
      resourceType: 'thing',
      resourceId: `secret-resource-${i}`,
      details: { n: i },
    });
  }
}

async function hashAt(database: TestDatabase, seq: number): Promise<string> {
  const [row] = await database.query<{ hash: string }>(`SELECT hash FROM audit_log WHERE seq = ${seq}`);
  assert.ok(row, `no entry #${seq}`);
  return row.hash;
}

async function idAt(database: TestDatabase, seq: number): Promise<number> {
  const [row] = await database.query<{ id: string }>(`SELECT id::text AS id FROM audit_log WHERE seq = ${seq}`);
  assert.ok(row, `no entry #${seq}`);
  return Number(row.id);
}

/** Deletes the entries after #seq and moves the head back to #seq, as an attacker with the database would. */
const rewindTo = (database: TestDatabase, seq: number): Promise<void> =>
  asSuperuser(
    database,
    `DELETE FROM audit_log WHERE seq > ${seq};
     UPDATE audit_chain_head SET seq = ${seq}, hash = (SELECT hash FROM audit_log WHERE seq = ${seq}) WHERE id = 1`,
  );

void describe('audit checkpoints', () => {
  let dir: string;
  let file: string;
  const opened: TestDatabase[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'helsebro-checkpoints-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const d of opened.splice(0)) {
      await d.cleanup();
    }
  });

  /** A fresh store with `n` entries sealed and anchored, and a fresh checkpoint file for it. */
  async function anchoredChain(n: number): Promise<TestDatabase> {
    const database = await createTestDatabase();
    opened.push(database);
    file = join(dir, `${opened.length}-${Date.now()}`, 'audit-checkpoints.jsonl');
    await record(database, n);
    await sealAndAnchor(database, KEY, file);
    return database;
  }

  const verify = (database: TestDatabase, checkpoints: string | null = file): Promise<VerifyResult> =>
    verifyAuditChain(database, KEY, undefined, { checkpointFile: checkpoints });

  void it('the sealer anchors the head at most once per interval, signed, fsynced, and logs only seq and hash', async () => {
    const database = await createTestDatabase();
    opened.push(database);
    file = join(dir, 'sealer', 'audit-checkpoints.jsonl');
    const { logger, lines: logged } = capturingLogger();
    const sealer = startAuditSealer(
      { config: { auditKey: KEY, auditSealIntervalMs: 10, auditCheckpointFile: file }, database, logger },
      { checkpointIntervalMs: 60_000 },
    );
    await record(database, 3);
    await waitFor('the first checkpoint', () => linesOf(file).length === 1 || undefined);
    await record(database, 4, 4);
    await waitFor('all sealed', async () => (await verifyAuditChain(database, KEY)).pending === 0 || undefined);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(linesOf(file).length, 1, 'no second checkpoint within the interval');
    await sealer.stop();

    const written = linesOf(file);
    assert.equal(written.length, 2, 'stop() anchors what the interval held back');
    const last = written.at(-1);
    assert.equal(last?.seq, 7);
    assert.equal(last?.hash, await hashAt(database, 7));
    assert.equal(
      written.reduce((n, c) => n + c.count, 0),
      7,
      'count: the entries sealed since the previous checkpoint',
    );
    assert.ok(last && !Number.isNaN(Date.parse(last.sealedAt)));
    assert.equal(readFileSync(file, 'utf8').split('\n').at(-2), checkpointLine(checkpointKey(KEY), last).trimEnd());
    assert.notEqual(checkpointKey(KEY).toString('hex'), Buffer.from(KEY).toString('hex'));
    assert.equal(statSync(file).mode & 0o777, 0o600);

    const infos = logged.filter((l) => l.msg === 'audit checkpoint');
    assert.equal(infos.length, 2);
    assert.equal(infos[1]?.level, 30, 'info');
    assert.deepEqual(infos[1]?.auditCheckpoint, {
      seq: 7,
      hash: (last?.hash.match(/.{8}/g) ?? []).join(':'),
    });
    assert.doesNotMatch(JSON.stringify(logged), /secret-resource|test\.step|req-\d/, 'no entry content in the log');
  });

  void it('verifies a healthy chain against its checkpoints', async () => {
    const database = await anchoredChain(4);
    await record(database, 2, 5);
    await sealAndAnchor(database, KEY, file);
    const result = await verify(database);
    assert.equal(result.ok, true);
    assert.equal(result.checked, 6);
    const c = result.checkpoints;
    assert.equal(c?.state, 'read');
    assert.equal(c.verified, 2);
    assert.equal(c.latest?.seq, 6);
    assert.equal(c.rewound, undefined);
    assert.equal(c.tampered, undefined);
    assert.equal(result.missingIds, undefined);
    const report = formatVerifyReport(result);
    assert.deepEqual(report.lines, [
      'Audit chain intact: 6 entries verified (0 not yet sealed).',
      `Checkpoints intact: 2 in the chain, the latest #6 sealed ${c.latest?.sealedAt}.`,
    ]);
    assert.deepEqual(report.warnings, []);
  });

  void it('names the rewind when the newest entries were deleted and the head moved back', async () => {
    const database = await anchoredChain(5);
    const anchored = await hashAt(database, 5);
    await rewindTo(database, 3);
    assert.deepEqual(
      await verifyAuditChain(database, KEY),
      { ok: true, checked: 3, pending: 0 },
      'the links alone cannot tell',
    );
    const result = await verify(database);
    assert.equal(result.ok, false);
    assert.equal(result.firstProblem, undefined);
    const c = result.checkpoints;
    assert.equal(c?.state, 'read');
    assert.deepEqual(
      { kind: c.rewound?.kind, seq: c.rewound?.checkpoint.seq, hash: c.rewound?.checkpoint.hash },
      { kind: 'missing', seq: 5, hash: anchored },
    );
    const [line] = formatVerifyReport(result).lines;
    assert.match(
      line ?? '',
      new RegExp(
        `^Audit chain rewound: checkpoint seq 5 hash ${anchored} \\(sealed [^)]+, line 1\\) is missing: the log ends at #3\\.$`,
      ),
    );
  });

  void it('names the rewind when the chain was sealed on from the rewound head', async () => {
    const database = await anchoredChain(5);
    const anchored = await hashAt(database, 5);
    await rewindTo(database, 3);
    await record(database, 3, 100);
    await sealAndAnchor(database, KEY, file);
    const result = await verify(database);
    assert.equal(result.ok, false);
    assert.equal(result.checked, 6, 'every link holds');
    const c = result.checkpoints;
    assert.equal(c?.state, 'read');
    assert.equal(c.verified, 1, "the new head's checkpoint is in the chain");
    assert.deepEqual(
      { kind: c.rewound?.kind, seq: c.rewound?.checkpoint.seq, affected: c.rewound?.affected },
      { kind: 'changed', seq: 5, affected: 1 },
    );
    const now = await hashAt(database, 5);
    assert.notEqual(now, anchored);
    assert.match(
      formatVerifyReport(result).lines[0] ?? '',
      new RegExp(
        `^Audit chain rewound: checkpoint seq 5 hash ${anchored} .* is changed: entry #5 now has hash ${now}\\.$`,
      ),
    );
  });

  void it('reports a checkpoint file whose lines do not verify as tampered', async () => {
    const database = await anchoredChain(5);
    const [original] = readFileSync(file, 'utf8').split('\n');
    assert.ok(original);
    const moved = original.replace(/"seq":5/, '"seq":4');
    assert.notEqual(moved, original);
    const foreign = checkpointLine(checkpointKey('another-key-0123456789abcdef012345678'), {
      seq: 5,
      hash: await hashAt(database, 5),
      sealedAt: new Date().toISOString(),
      count: 5,
    });
    writeFileSync(file, `${original}\n${moved}\n${foreign}not json\n`);
    const result = await verify(database);
    assert.equal(result.ok, false);
    const c = result.checkpoints;
    assert.equal(c?.state, 'read');
    assert.deepEqual(c.tampered, { line: 2, reason: 'its HMAC does not verify with the audit key', affected: 3 });
    assert.equal(c.verified, 1, 'the intact line still counts');
    assert.equal(c.rewound, undefined);
    assert.deepEqual(formatVerifyReport(result).lines, [
      'Audit chain intact: 5 entries verified (0 not yet sealed).',
      `Audit checkpoint file tampered: line 2 of ${file} does not verify — its HMAC does not verify with the audit key (3 lines affected).`,
    ]);
  });

  void it('warns, without failing, when there is no checkpoint file or none is configured', async () => {
    const database = await anchoredChain(2);
    const missing = join(dir, 'nowhere', 'audit-checkpoints.jsonl');
    const result = await verify(database, missing);
    assert.equal(result.ok, true);
    assert.deepEqual(result.checkpoints, { state: 'missing', file: missing });
    const report = formatVerifyReport(result);
    assert.deepEqual(report.lines, ['Audit chain intact: 2 entries verified (0 not yet sealed).']);
    assert.equal(report.warnings.length, 1);
    assert.match(
      report.warnings[0] ?? '',
      new RegExp(`^no audit checkpoints at ${missing}, so a rewind .* new installation`),
    );
    const off = await verify(database, null);
    assert.equal(off.ok, true);
    assert.match(formatVerifyReport(off).warnings[0] ?? '', /AUDIT_CHECKPOINT_FILE is not set/);
  });

  void it('leaves a line a crash cut off unchecked, and the next checkpoint removes it', async () => {
    const database = await anchoredChain(2);
    const fragment = '{"seq":3,"hash":"ab';
    appendFileSync(file, fragment);
    const result = await verify(database);
    assert.equal(result.ok, true);
    assert.equal(result.checkpoints?.state === 'read' && result.checkpoints.torn?.line, 2);
    assert.match(formatVerifyReport(result).warnings[0] ?? '', /the last line \(2\) .* was cut off/);
    const again2 = { seq: 2, hash: await hashAt(database, 2), sealedAt: new Date().toISOString(), count: 0 };
    assert.equal(await checkpointFile(file, KEY).append(again2), fragment.length);
    assert.deepEqual(
      linesOf(file).map((c) => c.seq),
      [2, 2],
    );
    const again = await verify(database);
    assert.equal(again.ok, true);
    assert.deepEqual(again.checkpoints?.state === 'read' && [again.checkpoints.verified, again.checkpoints.torn], [
      2,
      undefined,
    ]);
  });
});

/**
 * The pre-seal window. An entry is inserted unsealed and the sealer chains it within AUDIT_SEAL_INTERVAL_MS; until
 * then a superuser can delete it without breaking a link. What remains is the insert id it took, which verify lists
 * (a lead: rolled-back transactions leave the same gap), and an entry left unsealed for long says no sealer ran.
 */
void describe('audit entries deleted before they were sealed', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  void it('break no link, and leave a missing insert id that verify reports as a lead', async () => {
    await record(database, 3);
    await sealAll(database, KEY);
    await record(database, 2, 4);
    const [unsealed] = await database.query<{ id: string }>(
      'SELECT id::text AS id FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT 1',
    );
    await asSuperuser(database, `DELETE FROM audit_log WHERE id = ${unsealed?.id}`);
    await record(database, 1, 6);
    await sealAll(database, KEY);

    const result = await verifyAuditChain(database, KEY);
    assert.equal(result.ok, true, 'documented: the chain cannot show an entry it never held');
    assert.equal(result.checked, 5);
    const before = await idAt(database, 3);
    assert.equal(Number(unsealed?.id), before + 1);
    assert.deepEqual(result.missingIds, { gaps: 1, ids: 1, firstAfter: before, firstBefore: before + 2 });
    assert.match(
      formatVerifyReport(result).warnings[0] ?? '',
      new RegExp(
        `^1 insert id is missing from the log in 1 gap \\(the first between ids ${before} and ${before + 2}\\)`,
      ),
    );
  });

  void it('reports entries a sealer has not reached for long', async () => {
    await record(database, 2, 10);
    const fresh = await verifyAuditChain(database, KEY);
    assert.equal(fresh.pending, 2);
    assert.equal(fresh.stalePending, undefined, 'within the default minute');
    const late = await verifyAuditChain(database, KEY, undefined, { staleAfterMs: 0 });
    assert.equal(late.stalePending?.count, 2);
    assert.match(late.stalePending?.oldest ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    assert.match(
      formatVerifyReport(late).warnings.join('\n'),
      /2 entries recorded since .* are not sealed: no sealer has run/,
    );
  });
});
