import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BIG_MESSAGE_BYTES,
  bigMessage,
  latencySummary,
  probeHealth,
  withFreshMsgId,
  type BigMessage,
} from '../../packages/server/src/modules/plo/testing/big-message.ts';
import { optionalScratchDatabase, startServer } from './load.ts';

/**
 * `npm run bench:big-message`: how long GET /health waits while 7.9 MB PLO messages are received (issue 10, "Big
 * messages on the embedded store"), against /health without load measured in the same run. A client thread asks
 * /health every 5 ms throughout; each round measures it alone (BENCH_BASELINE_MS), then while one message is
 * received, then alone again, then while BENCH_CONCURRENT messages are received at once (six in the issue). Every
 * message has a fresh MsgId and must be accepted (202). Helsebro runs as an ingest instance in its own process
 * (bench/src/servers/plo-hub.ts), on PGlite in a folder as `npm start` runs it, and on PostgreSQL when one answers.
 * The machines are shared and noisy, so the figures that matter are the ratios to /health alone.
 *
 * BENCH_ROUNDS (default 3), BENCH_CONCURRENT (6), BENCH_BASELINE_MS (1000),
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; "none" leaves PostgreSQL out).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrent = Number(process.env.BENCH_CONCURRENT ?? 6);
const baselineMs = Number(process.env.BENCH_BASELINE_MS ?? 1000);
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Latency = ReturnType<typeof latencySummary>;
type Row = {
  store: 'pglite' | 'postgres';
  load: string;
  messages: number;
  health: Latency;
  alone: Latency;
  /** Mean time from POST to answer, ms. */
  answerMs: number;
  failed: number;
};

async function scenarios(store: Row['store'], template: BigMessage, databaseUrl?: string): Promise<Row[]> {
  const server = await startServer<{ port: number; token: string }>(
    join(here, 'servers/plo-hub.ts'),
    databaseUrl ? { DATABASE_URL: databaseUrl } : {},
  );
  const base = `http://127.0.0.1:${server.info.port}`;
  const fresh = (n: number) => Array.from({ length: n }, () => withFreshMsgId(template).xml);
  try {
    // Warm: the XML threads start on the first large message, and the code paths get compiled.
    await probeHealth(base, server.info.token, [fresh(1)], 50);
    const rows: Row[] = [];
    for (const [load, n] of [
      ['one message', 1],
      [`${concurrent} at once`, concurrent],
    ] as const) {
      const during: number[] = [];
      const alone: number[] = [];
      const posts: Array<{ status: number; ms: number }> = [];
      for (let i = 0; i < rounds; i++) {
        const r = await probeHealth(base, server.info.token, [fresh(n)], baselineMs);
        during.push(...r.during);
        alone.push(...r.baseline);
        posts.push(...r.posts);
        const s = latencySummary(r.during);
        process.stderr.write(
          `  ${store}, ${load}, round ${i + 1}/${rounds}: /health max ${s.max.toFixed(1)} ms, answers ` +
            `${r.posts.map((p) => `${p.status} in ${Math.round(p.ms)} ms`).join(', ')}\n`,
        );
      }
      rows.push({
        store,
        load,
        messages: posts.length,
        health: latencySummary(during),
        alone: latencySummary(alone),
        answerMs: posts.reduce((t, p) => t + p.ms, 0) / posts.length,
        failed: posts.filter((p) => p.status !== 202).length,
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

const template = bigMessage();
process.stderr.write(
  `Big-message benchmark: ${template.xml.length.toLocaleString('en-US')} bytes (target ${BIG_MESSAGE_BYTES}), ` +
    `${rounds} rounds, one message and ${concurrent} at once\n`,
);
const rows = await scenarios('pglite', template);
const pgDb = await optionalScratchDatabase(pgAdminUrl, 'bigmsg');
if (pgDb) {
  try {
    rows.push(...(await scenarios('postgres', template, pgDb.url)));
  } finally {
    await pgDb.drop();
  }
}

const ms = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => (a / b).toFixed(1);
console.log(
  '\n| store | load | messages | /health p50 ms | p99 ms | max ms | alone p50 | alone p99 | alone max | ratio p50 | ratio p99 | ratio max | answer ms | failed |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const { health: h, alone: a } = r;
  console.log(
    `| ${r.store} | ${r.load} | ${r.messages} | ${ms(h.p50)} | ${ms(h.p99)} | ${ms(h.max)} | ${ms(a.p50)} | ${ms(a.p99)} | ` +
      `${ms(a.max)} | ${ratio(h.p50, a.p50)} | ${ratio(h.p99, a.p99)} | ${ratio(h.max, a.max)} | ${Math.round(r.answerMs)} | ${r.failed} |`,
  );
}
const out = join(here, '..', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, `big-message-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  JSON.stringify({ bytes: template.xml.length, rounds, concurrent, baselineMs, rows }, null, 2),
);
if (rows.some((r) => r.failed > 0)) {
  process.stderr.write('Some messages were not accepted; the figures above are not valid.\n');
  process.exit(1);
}
