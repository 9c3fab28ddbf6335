import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { CHAIN_ROW_COLUMNS, chainHash, toChainRow } from './chain.ts';

export type SealResult = { sealed: number; headSeq: number };

export const DEFAULT_SEAL_BATCH = 500;

/**
 * Seals up to `batchSize` unsealed audit entries in one transaction: locks the chain head (so sealers on several
 * instances take turns), numbers the oldest unsealed entries from the head on, chains each to the one before with
 * an HMAC and moves the head. Requests never take this lock; they only insert unsealed rows.
 * @param database - the store
 * @param key - `config.auditKey`
 * @param batchSize - the most entries to seal in this transaction
 * @returns how many were sealed and the head's sequence number afterwards
 */
export async function sealPending(
  database: Pick<Database, 'db'>,
  key: string,
  batchSize = DEFAULT_SEAL_BATCH,
): Promise<SealResult> {
  return database.db.transaction(async (tx) => {
    const head = (
      await tx.execute<{ seq: string | number; hash: string }>(
        sql`SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
      )
    ).rows[0];
    if (!head) {
      throw new Error('audit_chain_head has no row (migration 0001 seeds it)');
    }
    const rows = (
      await tx.execute(
        sql`SELECT ${sql.raw(CHAIN_ROW_COLUMNS)} FROM audit_log WHERE seq IS NULL ORDER BY audit_log.id LIMIT ${batchSize}`,
      )
    ).rows.map(toChainRow);
    let seq = Number(head.seq);
    if (rows.length === 0) {
      return { sealed: 0, headSeq: seq };
    }
    let prev = head.hash;
    const seals = rows.map((row) => {
      seq += 1;
      const hash = chainHash(key, prev, row);
      const seal = { id: Number(row.id), seq, prev_hash: prev, hash };
      prev = hash;
      return seal;
    });
    const updated = await tx.execute(sql`UPDATE audit_log AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      FROM jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) AS v(id bigint, seq bigint, prev_hash text, hash text)
      WHERE a.id = v.id AND a.seq IS NULL`);
    if (Number(updated.rowCount ?? (updated as { affectedRows?: number }).affectedRows) !== seals.length) {
      throw new Error(`sealed ${String(updated.rowCount)} audit entries, expected ${seals.length}`);
    }
    await tx.execute(sql`UPDATE audit_chain_head SET seq = ${seq}, hash = ${prev}, updated_at = now() WHERE id = 1`);
    return { sealed: seals.length, headSeq: seq };
  });
}

/**
 * Seals batches until nothing is left unsealed.
 * @returns how many entries were sealed
 */
export async function sealAll(
  database: Pick<Database, 'db'>,
  key: string,
  batchSize = DEFAULT_SEAL_BATCH,
): Promise<number> {
  let total = 0;
  for (;;) {
    const { sealed } = await sealPending(database, key, batchSize);
    total += sealed;
    if (sealed < batchSize) {
      return total;
    }
  }
}

export type AuditSealer = {
  /** Stops the loop, waits for a round in progress and seals what is left (a final flush). */
  stop(): Promise<void>;
  /** Entries this sealer has sealed and rounds that failed, since it started. */
  stats(): { sealed: number; failures: number };
};

export type SealerOptions = { intervalMs?: number; batchSize?: number };

const MAX_RETRY_DELAY_MS = 10_000;

/**
 * Seals the audit log in the background every `config.auditSealIntervalMs`. A failing round (the database away,
 * a lock timeout) is logged and retried with a growing delay; it never ends the process.
 * @param platform - configuration, store and logger
 * @param opts - interval and batch size, for tests
 */
export function startAuditSealer(
  platform: {
    config: Pick<Config, 'auditKey' | 'auditSealIntervalMs'>;
    database: Pick<Database, 'db'>;
    logger: Logger;
  },
  opts: SealerOptions = {},
): AuditSealer {
  const { config, database, logger } = platform;
  const intervalMs = opts.intervalMs ?? config.auditSealIntervalMs;
  const batchSize = opts.batchSize ?? DEFAULT_SEAL_BATCH;
  let stopped = false;
  let failures = 0;
  let totalFailures = 0;
  let sealed = 0;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const runRound = async (): Promise<void> => {
    try {
      sealed += await sealAll(database, config.auditKey, batchSize);
      failures = 0;
    } catch (err) {
      failures += 1;
      totalFailures += 1;
      logger.error({ err, failures }, 'audit sealing failed; will retry');
    }
  };
  const schedule = (): void => {
    if (stopped) {
      return;
    }
    const delay = failures === 0 ? intervalMs : Math.min(MAX_RETRY_DELAY_MS, intervalMs * 2 ** failures);
    timer = setTimeout(() => {
      round = runRound().finally(() => {
        round = undefined;
        schedule();
      });
    }, delay);
    timer.unref();
  };
  schedule();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await round;
      await runRound();
    },
    stats: () => ({ sealed, failures: totalFailures }),
  };
}
