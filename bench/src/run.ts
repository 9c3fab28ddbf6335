import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, median, optionalScratchDatabase, startServer, type LoadResult } from './load.ts';

/**
 * `npm run bench`: an authenticated, audited read (a citizen's own profile through the session cookie, the
 * audit entry written in the same transaction and sealed into the chain in the background) against a bare Fastify
 * JSON route, measured in interleaved rounds in the same run, on PGlite and, when a PostgreSQL server answers,
 * on PostgreSQL. The machines are noisy, so the figure that matters is the ratio.
 *
 * BENCH_SECONDS (default 10) per round, BENCH_ROUNDS (3), BENCH_CONNECTIONS (32),
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; set to "none" to skip PostgreSQL).
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Row = {
  scenario: string;
  store: string;
  rps: number;
  p50: number;
  p99: number;
  baselineRps: number;
  ratio: number;
  non2xx: number;
};

async function auditedRead(store: 'pglite' | 'postgres', databaseUrl?: string): Promise<Row> {
  const baseline = await startServer<{ port: number }>(join(here, 'servers/bare-fastify.ts'));
  const helsebro = await startServer<{ port: number; cookie: string }>(
    join(here, 'servers/helsebro.ts'),
    databaseUrl ? { DATABASE_URL: databaseUrl } : {},
  );
  try {
    const baseUrl = `http://127.0.0.1:${baseline.info.port}/profile`;
    const appUrl = `http://127.0.0.1:${helsebro.info.port}/api/me/profile`;
    const headers = { cookie: helsebro.info.cookie };
    await load(baseUrl, 2, connections);
    await load(appUrl, 2, connections, headers);
    const base: LoadResult[] = [];
    const app: LoadResult[] = [];
    for (let i = 0; i < rounds; i++) {
      base.push(await load(baseUrl, seconds, connections));
      app.push(await load(appUrl, seconds, connections, headers));
      process.stderr.write(
        `  ${store} round ${i + 1}/${rounds}: baseline ${Math.round(base.at(-1)!.requestsPerSecond)} req/s, Helsebro ${Math.round(app.at(-1)!.requestsPerSecond)} req/s\n`,
      );
    }
    const rps = median(app.map((r) => r.requestsPerSecond));
    const baselineRps = median(base.map((r) => r.requestsPerSecond));
    return {
      scenario: 'audited profile read',
      store,
      rps,
      p50: median(app.map((r) => r.p50)),
      p99: median(app.map((r) => r.p99)),
      baselineRps,
      ratio: rps / baselineRps,
      non2xx: app.reduce((n, r) => n + r.non2xx + r.errors, 0),
    };
  } finally {
    await helsebro.stop();
    await baseline.stop();
  }
}

const rows: Row[] = [];
process.stderr.write(`Benchmark: ${rounds} rounds × ${seconds} s, ${connections} connections\n`);
rows.push(await auditedRead('pglite'));
const pgDb = await optionalScratchDatabase(pgAdminUrl, 'read');
if (pgDb) {
  try {
    rows.push(await auditedRead('postgres', pgDb.url));
  } finally {
    await pgDb.drop();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log('\n| scenario | store | req/s | p50 ms | p99 ms | bare Fastify req/s | ratio | failed |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.store} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${fmt(r.baselineRps)} | ${r.ratio.toFixed(3)} | ${r.non2xx} |`,
  );
}
const out = join(here, '..', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, `audited-read-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  JSON.stringify(rows, null, 2),
);
if (rows.some((r) => r.non2xx > 0)) {
  process.stderr.write('Some requests failed; the figures above are not valid.\n');
  process.exit(1);
}
