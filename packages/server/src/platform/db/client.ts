import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** One query type for both drivers: drizzle's PGlite and node-postgres databases share this API. */
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run a query on: the database or an open transaction. */
export type Queryable = Db | Tx;

/** Raw SQL on one connection. */
export type Connection = {
  /** Runs a script of several statements (migrations). */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
};

export type Database = Connection & {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs fn on one dedicated connection (session-level locks need the same connection throughout). */
  withConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** postgres:// URL; without one the embedded PGlite store is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway store. */
  dataDir?: string;
  /** A PGlite dump (from `dumpDataDir`) to start from; tests use a migrated template. */
  loadDataDir?: Blob | File;
  poolSize?: number;
};

/**
 * bytea on PGlite without its own converters, which build the hex text one byte at a time (`Array.from(bytes)
 * .map(…).join('')` and back with `parseInt` per byte): measured, 2.5–3.5 s on the event loop, most of it garbage
 * collection, to insert the 7.9 MB of a large PLO message. A Uint8Array given back by a serializer is bound as a binary
 * parameter (its bytes as they are, as node-postgres does with a Buffer); results are decoded by Buffer's hex
 * decoder. The type says string, the bind accepts any ArrayBufferView.
 */
const PGLITE_BYTEA = {
  serializers: { [types.BYTEA]: (v: unknown) => (v instanceof Uint8Array ? v : String(v)) as string },
  parsers: { [types.BYTEA]: (hex: string) => Buffer.from(hex.slice(2), 'hex') },
};

/**
 * Opens the store: node-postgres against a PostgreSQL server when a URL is given, else PGlite.
 * @param opts - see OpenOptions
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Without this handler node would crash.
    });
    const on = (c: pg.Pool | pg.PoolClient): Connection => ({
      exec: async (text) => {
        await c.query(text);
      },
      query: async <T>(text: string, params?: unknown[]) => (await c.query(text, params)).rows as T[],
    });
    return {
      kind: 'postgres',
      db: drizzlePg(pool, { schema }),
      ...on(pool),
      withConnection: async (fn) => {
        const client = await pool.connect();
        try {
          return await fn(on(client));
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    dataDir,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    ...PGLITE_BYTEA,
  });
  const conn: Connection = {
    exec: async (text) => {
      // PGlite's query() uses the extended protocol, which refuses several statements (stack-probe §1.3).
      await client.exec(text);
    },
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
  };
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    ...conn,
    // PGlite is a single connection already.
    withConnection: (fn) => fn(conn),
    close: () => client.close(),
  };
}

export { schema };
