import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { CHAIN_ROW_COLUMNS, chainHash, toChainRow } from './chain.ts';
import { checkpointFile, loggableHash, type Checkpoint } from './checkpoint.ts';

export type SealResult = { sealed: number; headSeq: number; headHash: string };

export const DEFAULT_SEAL_BATCH = 500;

/**
 * Seals up to `batchSize` unsealed audit entries in one transaction: locks the chain head (so sealers on several
 * instances take turns), numbers the oldest unsealed entries from the head on, chains each to the one before with
 * an HMAC and moves the head. Requests never take this lock; they only insert unsealed rows.
 * @param database - the store
 * @param key - `config.auditKey`
 * @param batchSize - the most entries to seal in this transaction
 * @returns how many were sealed and the head afterwards
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
      return { sealed: 0, headSeq: seq, headHash: head.hash };
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
    return { sealed: seals.length, headSeq: seq, headHash: prev };
  });
}

/** The head this round of sealing left, as a checkpoint would record it; null when it sealed nothing. */
type RoundResult = { sealed: number; head: Omit<Checkpoint, 'count'> | null };

async function sealRound(database: Pick<Database, 'db'>, key: string, batchSize: number): Promise<RoundResult> {
  let total = 0;
  let head: RoundResult['head'] = null;
  for (;;) {
    const r = await sealPending(database, key, batchSize);
    total += r.sealed;
    if (r.sealed > 0) {
      head = { seq: r.headSeq, hash: r.headHash, sealedAt: new Date().toISOString() };
    }
    if (r.sealed < batchSize) {
      return { sealed: total, head };
    }
  }
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
  return (await sealRound(database, key, batchSize)).sealed;
}

export type AuditSealer = {
  /** Stops the loop, waits for a round in progress and seals what is left (a final flush). */
  stop(): Promise<void>;
  /** Entries this sealer has sealed and rounds that failed, since it started. */
  stats(): { sealed: number; failures: number };
};

export type SealerOptions = { intervalMs?: number; batchSize?: number; checkpointIntervalMs?: number };

const MAX_RETRY_DELAY_MS = 10_000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 10_000;

/**
 * Seals the audit log in the background every `config.auditSealIntervalMs`. A failing round (the database away,
 * a lock timeout) is logged and retried with a growing delay; it never ends the process.
 *
 * With `config.auditCheckpointFile` it also anchors the chain outside the database (audit/checkpoint.ts): after a
 * round that sealed entries, at most once per `auditCheckpointIntervalMs`, and on stop, it appends the head it
 * left to the file and logs its seq and hash at info, so the operator's log collection holds the anchor too. A
 * checkpoint that cannot be written is logged and tried again; sealing goes on.
 * @param platform - configuration, store and logger
 * @param opts - intervals and batch size, for tests
 */
export function startAuditSealer(
  platform: {
    config: Pick<Config, 'auditKey' | 'auditSealIntervalMs'> &
      Partial<Pick<Config, 'auditCheckpointFile' | 'auditCheckpointIntervalMs'>>;
    database: Pick<Database, 'db'>;
    logger: Logger;
  },
  opts: SealerOptions = {},
): AuditSealer {
  const { config, database, logger } = platform;
  const intervalMs = opts.intervalMs ?? config.auditSealIntervalMs;
  const batchSize = opts.batchSize ?? DEFAULT_SEAL_BATCH;
  const file = config.auditCheckpointFile ? checkpointFile(config.auditCheckpointFile, config.auditKey) : null;
  const checkpointEveryMs =
    opts.checkpointIntervalMs ?? config.auditCheckpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  // The head this sealer left that no checkpoint records yet, with the entries sealed since the last checkpoint.
  let unanchored: Checkpoint | null = null;
  let nextCheckpointAt = 0;
  let stopped = false;
  let failures = 0;
  let totalFailures = 0;
  let sealed = 0;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const anchor = async (now: boolean): Promise<void> => {
    const c = unanchored;
    if (!file || !c || (!now && Date.now() < nextCheckpointAt)) {
      return;
    }
    nextCheckpointAt = Date.now() + checkpointEveryMs;
    try {
      const dropped = await file.append(c);
      if (dropped > 0) {
        logger.warn({ bytes: dropped }, 'audit checkpoint file ended in a cut-off line (a crash); removed it');
      }
      unanchored = unanchored === c ? null : unanchored;
      logger.info({ auditCheckpoint: { seq: c.seq, hash: loggableHash(c.hash) } }, 'audit checkpoint');
    } catch (err) {
      logger.error({ err }, 'audit checkpoint could not be written; will retry');
    }
  };
  const runRound = async (): Promise<void> => {
    try {
      const done = await sealRound(database, config.auditKey, batchSize);
      sealed += done.sealed;
      if (done.head) {
        unanchored = { ...done.head, count: (unanchored?.count ?? 0) + done.sealed };
      }
      failures = 0;
    } catch (err) {
      failures += 1;
      totalFailures += 1;
      logger.error({ err, failures }, 'audit sealing failed; will retry');
    }
    await anchor(false);
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
      await anchor(true);
    },
    stats: () => ({ sealed, failures: totalFailures }),
  };
}
