import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APPOINTMENT_ROUTES } from '@helsebro/contracts';
import { load, median, scratchDatabase, startServer } from './load.ts';

/**
 * `npm run bench:booking`: booking under contention on PostgreSQL. BENCH_SLOTS (1,000) free slots and
 * BENCH_CITIZENS (10,000) distinct synthetic citizens, each logged in; every citizen tries to book once, ten
 * citizens per slot, sent one after another by BENCH_CONNECTIONS (128) concurrent clients, so the ten contenders of
 * a slot are in flight together. Expected: exactly one
 * booking per slot (201) and a 409 "taken" for everyone else — checked in the database afterwards: 1,000 booked
 * rows and no slot held twice. Prints attempts and bookings per second, p50/p99 latency, and the ratio to the
 * audited profile read (`npm run bench`'s scenario) on PostgreSQL. The machine is shared and noisy, so the two are
 * interleaved: BENCH_ROUNDS (10) rounds, each a read round of BENCH_SECONDS (3) and then a tenth of the attempts
 * (whole slots, so each slot's contenders stay together); the ratio is booking attempts per second over all rounds
 * against the median read rate.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), BENCH_POOL_SIZE (16) database
 * connections in each server.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const inFlight = Number(process.env.BENCH_CONNECTIONS ?? 128);
const perSlot = Math.round(Number(process.env.BENCH_CITIZENS ?? 10_000) / Number(process.env.BENCH_SLOTS ?? 1000));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The audited profile read on PostgreSQL, as `npm run bench` measures it: a server to load between booking rounds. */
async function auditedReadServer() {
  const db = await scratchDatabase(adminUrl, 'read');
  const server = await startServer<{ port: number; cookie: string }>(join(here, 'servers/helsebro.ts'), {
    DATABASE_URL: db.url,
  });
  const url = `http://127.0.0.1:${server.info.port}/api/me/profile`;
  const headers = { cookie: server.info.cookie };
  await load(url, 2, 32, headers);
  return {
    round: async () => {
      const r = await load(url, seconds, 32, headers);
      if (r.non2xx + r.errors > 0) {
        throw new Error(`the audited read failed ${r.non2xx + r.errors} times`);
      }
      return r;
    },
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

type Info = { port: number; slotIds: string[]; logins: Array<{ cookie: string; csrf: string }>; typeId: string };

async function contention(baseline: Awaited<ReturnType<typeof auditedReadServer>>) {
  const db = await scratchDatabase(adminUrl, 'booking');
  process.stderr.write('Seeding slots and citizens, logging them in …\n');
  const server = await startServer<Info>(join(here, 'servers/booking.ts'), { DATABASE_URL: db.url });
  const { port, slotIds, logins, typeId } = server.info;
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const post = (i: number) =>
    new Promise<{ status: number; ms: number; code: string | null }>((resolve, reject) => {
      const body = JSON.stringify({ slotId: slotIds[Math.floor(i / perSlot) % slotIds.length] });
      const started = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: APPOINTMENT_ROUTES.citizen.book,
          method: 'POST',
          agent,
          headers: {
            cookie: logins[i]!.cookie,
            'x-csrf-token': logins[i]!.csrf,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            const code = res.statusCode === 201 ? null : ((JSON.parse(text) as { code?: string }).code ?? null);
            resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, code });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    process.stderr.write(`Booking: ${logins.length} attempts on ${slotIds.length} slots, ${inFlight} in flight …\n`);
    const results = new Array<Awaited<ReturnType<typeof post>>>(logins.length);
    const reads: number[] = [];
    let elapsedMs = 0;
    const perRound = Math.ceil(slotIds.length / rounds) * perSlot;
    for (let r = 0; r * perRound < logins.length; r++) {
      reads.push((await baseline.round()).requestsPerSecond);
      // `inFlight` clients, each sending its next attempt as soon as the last one is answered; attempts are taken
      // in order, so the ten citizens of a slot are in flight together. Latency is from send to answer.
      let next = r * perRound;
      const end = Math.min(logins.length, next + perRound);
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < end) {
            const i = next++;
            results[i] = await post(i);
          }
        }),
      );
      const ms = performance.now() - t0;
      elapsedMs += ms;
      process.stderr.write(
        `  round ${r + 1}: audited read ${Math.round(reads.at(-1)!)} req/s, booking ${Math.round(((end - r * perRound) * 1000) / ms)} attempts/s\n`,
      );
    }
    const elapsed = elapsedMs / 1000;
    agent.destroy();
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const booked = Number(
      (
        await check.query<{ n: string }>(
          "SELECT count(*) AS n FROM appointments WHERE appointment_type_id = $1 AND status = 'booked'",
          [typeId],
        )
      ).rows[0]!.n,
    );
    const doubled = Number(
      (
        await check.query<{ n: string }>(
          "SELECT count(*) AS n FROM (SELECT slot_id FROM appointments WHERE status <> 'cancelled' AND slot_id IS NOT NULL GROUP BY slot_id HAVING count(*) > 1) d",
        )
      ).rows[0]!.n,
    );
    await check.end();
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const created = results.filter((r) => r.status === 201).length;
    const taken = results.filter((r) => r.status === 409 && r.code === 'slot_taken').length;
    return {
      readRps: median(reads),
      slots: slotIds.length,
      attempts: results.length,
      created,
      taken,
      other: results.length - created - taken,
      booked,
      doubled,
      elapsed,
      attemptsPerSecond: results.length / elapsed,
      bookingsPerSecond: created / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}

const baseline = await auditedReadServer();
let c: Awaited<ReturnType<typeof contention>>;
try {
  c = await contention(baseline);
} finally {
  await baseline.stop();
}
const read = { rps: c.readRps };
const ok = c.created === c.slots && c.booked === c.slots && c.doubled === 0 && c.other === 0;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log('\n| attempts | in flight | 201 booked | 409 taken | other | rows booked | double-booked slots | s |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(
  `| ${fmt(c.attempts)} | ${inFlight} | ${fmt(c.created)} | ${fmt(c.taken)} | ${c.other} | ${fmt(c.booked)} | ${c.doubled} | ${c.elapsed.toFixed(1)} |`,
);
console.log('\n| scenario | req/s | p50 ms | p99 ms | audited read req/s | ratio |');
console.log('|---|---|---|---|---|---|');
console.log(
  `| booking attempts (PostgreSQL) | ${fmt(c.attemptsPerSecond)} | ${c.p50.toFixed(0)} | ${c.p99.toFixed(0)} | ${fmt(read.rps)} | ${(c.attemptsPerSecond / read.rps).toFixed(3)} |`,
);
console.log(`\nbookings per second: ${fmt(c.bookingsPerSecond)} (${fmt(c.created)} in ${c.elapsed.toFixed(1)} s)`);
const out = join(here, '..', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, `booking-contention-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  JSON.stringify({ read, contention: c, inFlight }, null, 2),
);
if (!ok) {
  process.stderr.write('The booking guarantee did not hold (see the table); the figures above are not valid.\n');
  process.exit(1);
}
