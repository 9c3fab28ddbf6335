import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number };

/**
 * Runs autocannon against a URL for `seconds` with `connections` concurrent connections.
 * @param headers - e.g. the session cookie of an authenticated scenario
 */
export async function load(
  url: string,
  seconds: number,
  connections: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const r = await autocannon({ url, duration: seconds, connections, headers });
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export type Started<T> = { info: T; child: ChildProcess; stop(): Promise<void> };

/** Starts a server script as its own process (so load generator and server do not share an event loop) and reads the JSON line it prints when ready. */
export async function startServer<T>(script: string, env: Record<string, string> = {}): Promise<Started<T>> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
  });
  return {
    info,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type ScratchDatabase = { url: string; drop(): Promise<void> };

/**
 * Creates an empty database next to `adminUrl` for one benchmark run; `drop()` removes it (even with sessions
 * still open), so runs never see each other's rows.
 * @param adminUrl - a connection with CREATE DATABASE rights
 * @param tag - part of the name, to tell runs apart in `\\l`
 */
export async function scratchDatabase(adminUrl: string, tag: string): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `helsebro_bench_${tag}_${Date.now()}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * A scratch database as `scratchDatabase` gives, or null (with a note on stderr) when `adminUrl` is "none" or no
 * PostgreSQL server answers there, so a benchmark can leave its PostgreSQL scenario out.
 */
export async function optionalScratchDatabase(adminUrl: string, tag: string): Promise<ScratchDatabase | null> {
  if (adminUrl === 'none') {
    return null;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch {
    process.stderr.write(`No PostgreSQL at ${adminUrl}; the PostgreSQL scenario is left out.\n`);
    return null;
  }
  await admin.end();
  return scratchDatabase(adminUrl, tag);
}
