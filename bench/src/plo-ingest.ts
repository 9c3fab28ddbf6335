import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { compileSchemaSet } from '../../packages/server/src/platform/xml/index.ts';
import { buildMessage } from '../../packages/server/src/modules/plo/index.ts';
import { officialExamples } from '../../packages/server/src/modules/plo/testing/official-examples.ts';
import { sampleMessage } from '../../packages/server/src/modules/plo/testing/sample-messages.ts';
import { median, scratchDatabase, startServer } from './load.ts';

/**
 * `npm run bench:plo`: PLO messages per second taken in by POST /edi/v1/messages on PostgreSQL — each one
 * parsed safely, validated against the official XSDs, checked (receiver, patient, duplicate), stored with its raw
 * XML, answered with an AppRec queued in the outbox and put in the receiving service's inbox, audited — with p50
 * and p99 latency, against a pgbench run of single-row INSERTs at the same concurrency, interleaved in the same
 * run. Every message has a fresh MsgId, so none is a duplicate.
 *
 * Needs a PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and
 * pgbench. On Debian pgbench comes with the PostgreSQL server or client packages:
 *   apt-get install -y postgresql-contrib      (or postgresql-client-15)
 * Without pgbench the ratio is left out and the figures are still printed.
 *
 * BENCH_SECONDS (default 10) per round, BENCH_ROUNDS (3), BENCH_CONNECTIONS (32), BENCH_POOL_SIZE (16).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function findPgbench(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    return onPath;
  }
  const base = '/usr/lib/postgresql';
  for (const v of existsSync(base) ? readdirSync(base).sort().reverse() : []) {
    const p = join(base, v, 'bin', 'pgbench');
    if (existsSync(p)) {
      return p;
    }
  }
  return null;
}

type Round = { rps: number; p50: number; p99: number; accepted: number; other: number; errors: number };

/** One load round: every request a new LOG_INNLAGT (a fresh MsgId in the same template). */
async function ingestRound(port: number, token: string, template: string, msgId: string, secs: number): Promise<Round> {
  let accepted = 0;
  let other = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}/edi/v1/messages`,
    method: 'POST',
    connections,
    duration: secs,
    headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (req) => ({ ...req, body: template.replace(msgId, randomUUID()) }) }],
  });
  accepted = r['2xx'];
  other = r.non2xx;
  return { rps: r['2xx'] / secs, p50: r.latency.p50, p99: r.latency.p99, accepted, other, errors: r.errors };
}

/** pgbench: single-row INSERTs into a one-column table, `connections` clients, for `secs`. */
function pgbenchRound(bin: string, url: string, secs: number): Promise<{ tps: number; latencyMs: number }> {
  const script = join(here, '..', 'results', 'pgbench-insert.sql');
  writeFileSync(script, "INSERT INTO bench_rows (payload) VALUES ('x');\n");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['-n', '-c', String(connections), '-j', '2', '-T', String(secs), '-f', script, url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const tps = /tps = ([\d.]+)/.exec(out)?.[1];
      const lat = /latency average = ([\d.]+) ms/.exec(out)?.[1];
      if (code !== 0 || !tps) {
        reject(new Error(`pgbench failed (${code}): ${out}`));
        return;
      }
      resolve({ tps: Number(tps), latencyMs: Number(lat ?? 0) });
    });
  });
}

/**
 * The XML figures, in this process: compiling the official schema set, and parse + validate per official example
 * (the verdict only, and with the tree the receiver copies out).
 */
function xmlFigures(): {
  compileMs: number;
  perMessage: Array<{ file: string; bytes: number; validateMs: number; withTreeMs: number }>;
} {
  const xsdDir = fileURLToPath(new URL('../../packages/server/src/modules/plo/xsd/', import.meta.url));
  const compiles = Array.from({ length: 5 }, () =>
    compileSchemaSet({ dir: xsdDir, entry: 'messages.xsd', limits: { maxBytes: 8 << 20 } }),
  );
  const set = compiles.at(-1)!;
  const perMessage = officialExamples().map((ex) => {
    const n = ex.bytes.length > 1_000_000 ? 20 : 500;
    const time = (fn: () => void) => {
      for (let i = 0; i < Math.min(n, 50); i++) {
        fn();
      }
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        fn();
      }
      return (performance.now() - t0) / n;
    };
    return {
      file: ex.file,
      bytes: ex.bytes.length,
      validateMs: time(() => set.validate(ex.bytes, { treeDepth: 0 })),
      withTreeMs: time(() => set.validate(ex.bytes)),
    };
  });
  return { compileMs: median(compiles.map((c) => c.compileMs)), perMessage };
}

const xml = xmlFigures();
console.log(`\nSchema set (messages.xsd and its imports) compiled in ${xml.compileMs.toFixed(1)} ms (median of 5).`);
console.log('\n| official example | bytes | parse + validate ms | with the full tree ms |');
console.log('|---|---|---|---|');
for (const m of xml.perMessage) {
  console.log(
    `| ${m.file} | ${m.bytes.toLocaleString('en-US')} | ${m.validateMs.toFixed(3)} | ${m.withTreeMs.toFixed(3)} |`,
  );
}

const built = buildMessage(sampleMessage('LOG_INNLAGT'));
mkdirSync(join(here, '..', 'results'), { recursive: true });
const pgbench = findPgbench();
if (!pgbench) {
  process.stderr.write('pgbench not found: apt-get install -y postgresql-contrib (the ratio is left out).\n');
}
const db = await scratchDatabase(adminUrl, 'plo');
const server = await startServer<{ port: number; token: string }>(join(here, 'servers/plo-hub.ts'), {
  DATABASE_URL: db.url,
});
const result: Record<string, unknown> = {};
try {
  const setup = new pg.Client({ connectionString: db.url });
  await setup.connect();
  await setup.query('CREATE TABLE bench_rows (id bigserial PRIMARY KEY, payload text NOT NULL)');
  await setup.end();
  process.stderr.write(
    `PLO ingest benchmark: ${rounds} rounds × ${seconds} s, ${connections} connections, message ${built.xml.length} bytes\n`,
  );
  await ingestRound(server.info.port, server.info.token, built.xml, built.msgId, 2);
  const ingest: Round[] = [];
  const base: Array<{ tps: number; latencyMs: number }> = [];
  for (let i = 0; i < rounds; i++) {
    if (pgbench) {
      base.push(await pgbenchRound(pgbench, db.url, seconds));
    }
    ingest.push(await ingestRound(server.info.port, server.info.token, built.xml, built.msgId, seconds));
    process.stderr.write(
      `  round ${i + 1}/${rounds}: Helsebro ${Math.round(ingest.at(-1)!.rps)} messages/s` +
        (pgbench ? `, pgbench ${Math.round(base.at(-1)!.tps)} inserts/s\n` : '\n'),
    );
  }
  const check = new pg.Client({ connectionString: db.url });
  await check.connect();
  const counts = (
    await check.query<{ accepted: number; inbox: number; queued: number }>(
      `SELECT (SELECT count(*)::int FROM plo_messages WHERE status = 'accepted') AS accepted,
              (SELECT count(*)::int FROM plo_inbox) AS inbox,
              (SELECT count(*)::int FROM jobs WHERE kind = 'plo.apprec.send' AND state = 'ready') AS queued`,
    )
  ).rows[0]!;
  await check.end();
  const rps = median(ingest.map((r) => r.rps));
  const tps = pgbench ? median(base.map((b) => b.tps)) : null;
  Object.assign(result, {
    xml,
    scenario: 'PLO ingest (LOG_INNLAGT, validated, stored, AppRec queued, inbox, audit)',
    store: 'postgres',
    connections,
    messagesPerSecond: rps,
    p50: median(ingest.map((r) => r.p50)),
    p99: median(ingest.map((r) => r.p99)),
    pgbenchInsertsPerSecond: tps,
    ratio: tps ? rps / tps : null,
    failed: ingest.reduce((n, r) => n + r.other + r.errors, 0),
    database: counts,
  });
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log('\n| scenario | messages/s | p50 ms | p99 ms | pgbench inserts/s | ratio | failed |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| PLO ingest, PostgreSQL, ${connections} connections | ${fmt(rps)} | ${String(result.p50)} | ${String(result.p99)} | ${tps ? fmt(tps) : 'n/a'} | ${tps ? (rps / tps).toFixed(3) : 'n/a'} | ${String(result.failed)} |`,
  );
  console.log(
    `\nIn the database: ${counts.accepted} accepted messages, ${counts.inbox} inbox rows, ${counts.queued} AppRecs queued.`,
  );
  writeFileSync(
    join(here, '..', 'results', `plo-ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(result, null, 2),
  );
} finally {
  await server.stop();
  await db.drop();
}
if ((result.failed as number) > 0) {
  process.stderr.write('Some requests failed; the figures above are not valid.\n');
  process.exit(1);
}
