import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.ts';
import { CHAIN_ROW_COLUMNS, GENESIS_HASH, chainHash, toChainRow, utcText, type ChainRow } from './chain.ts';
import { checkCheckpoints, fileSize, type CheckpointCheck } from './checkpoint.ts';

export type ChainProblemKind = 'changed' | 'removed' | 'inserted' | 'reordered';

/**
 * The first place, in chain order, where the log no longer matches what was sealed. For an entry that is gone
 * (`removed` with a gap in the numbering, or at the end) `seq` is the missing number and `id`, `occurredAt` and
 * `action` are null.
 */
export type ChainProblem = {
  id: number | null;
  seq: number;
  occurredAt: string | null;
  action: string | null;
  kind: ChainProblemKind;
  detail: string;
};

export type VerifyResult = {
  /** False when a link is broken, the chain was rewound past a checkpoint, or the checkpoint file was tampered. */
  ok: boolean;
  /** Sealed entries found intact before the first problem (all of them when ok). */
  checked: number;
  /** Entries recorded but not yet sealed; they are not part of the chain yet. */
  pending: number;
  firstProblem?: ChainProblem;
  /** The chain against the checkpoints outside the database; present when a checkpoint file was asked for. */
  checkpoints?: CheckpointCheck;
  /**
   * Insert ids (`audit_log.id`, from a sequence) that no row holds, present when there are any: where an entry
   * was deleted before it was sealed, but also where a transaction rolled back or PostgreSQL skipped ids after a
   * crash. A lead to compare with the server's log, not proof. `firstAfter` is 0 when ids are missing from the start.
   */
  missingIds?: { gaps: number; ids: number; firstAfter: number; firstBefore: number };
  /**
   * Entries waiting longer than `staleAfterMs` to be sealed, present when there are any: no sealer has run, and
   * until one does they can be deleted or changed without breaking a link.
   */
  stalePending?: { count: number; oldest: string };
};

export type VerifyOptions = {
  batchSize?: number;
  /** Check the chain against this checkpoint file; null: checkpoints are not configured (reported as off). */
  checkpointFile?: string | null;
  /** Unsealed entries older than this are reported (default one minute, hundreds of sealing intervals). */
  staleAfterMs?: number;
};

/** Called as the walk advances; `total` is the number of sealed entries. */
export type VerifyProgress = (checked: number, total: number) => void;

const BATCH = 1000;
const STALE_AFTER_MS = 60_000;

type Link = { seq: number; hash: string; row: ChainRow | null };

/** Reads sealed rows in sequence order, a batch at a time, with one row of lookahead. */
class SealedRows {
  private buffer: ChainRow[] = [];
  private after: number | null = null;
  private done = false;

  constructor(
    private readonly tx: Tx,
    private readonly batchSize: number,
  ) {}

  async peek(): Promise<ChainRow | undefined> {
    if (this.buffer.length === 0 && !this.done) {
      const where = this.after === null ? sql`seq IS NOT NULL` : sql`seq > ${this.after}`;
      const rows = (
        await this.tx.execute(
          sql`SELECT ${sql.raw(CHAIN_ROW_COLUMNS)} FROM audit_log WHERE ${where} ORDER BY audit_log.seq LIMIT ${this.batchSize}`,
        )
      ).rows.map(toChainRow);
      this.done = rows.length < this.batchSize;
      this.after = rows.at(-1)?.seq ?? this.after;
      this.buffer = rows;
    }
    return this.buffer[0];
  }

  async next(): Promise<ChainRow | undefined> {
    const row = await this.peek();
    this.buffer.shift();
    return row;
  }
}

const describeRow = (r: ChainRow): string => `#${r.seq} (id ${r.id}, ${r.occurredAt}, ${r.action})`;
const describeLink = (l: Link): string => (l.row ? describeRow(l.row) : 'the start of the chain');
const entries = (n: number): string => (n === 1 ? '1 entry' : `${n} entries`);

function problemAt(r: ChainRow, kind: ChainProblemKind, detail: string): ChainProblem {
  return { id: Number(r.id), seq: r.seq ?? 0, occurredAt: r.occurredAt, action: r.action, kind, detail };
}

function missing(seq: number, detail: string): ChainProblem {
  return { id: null, seq, occurredAt: null, action: null, kind: 'removed', detail };
}

/**
 * Walks the sealed audit log in sequence order and checks every link: each entry's HMAC over its predecessor's
 * hash and its own content, the numbering, and the chain head. With a checkpoint file it then checks that the log
 * still holds every checkpointed seq and hash (a rewind of the newest entries and the head breaks no link), and it
 * reports what it can see of the pre-seal window: insert ids no row holds, and entries the sealer has not reached.
 * Reads only, in one repeatable-read snapshot, so a sealer running meanwhile cannot make the walk see half a batch.
 * @param database - the store (on PGlite, the process that owns the data folder)
 * @param key - `config.auditKey`, the key the entries were sealed with
 * @param onProgress - called after each batch
 * @returns ok, how many entries were checked and how many wait to be sealed, the first problem in chain order,
 *   and the checkpoints' verdict
 */
export async function verifyAuditChain(
  database: Pick<Database, 'db'>,
  key: string,
  onProgress?: VerifyProgress,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? BATCH;
  const file = opts.checkpointFile;
  // Measured before the snapshot: a checkpoint is appended after its seal commits, so the snapshot sees every seal
  // that the bytes up to here record, even with a sealer running on another instance.
  const size = typeof file === 'string' ? await fileSize(file) : null;
  return database.db.transaction(
    async (tx) => {
      const head = (
        await tx.execute<{ seq: string | number; hash: string }>(
          sql`SELECT seq, hash FROM audit_chain_head WHERE id = 1`,
        )
      ).rows[0];
      if (!head) {
        throw new Error('audit_chain_head has no row (migration 0001 seeds it)');
      }
      const counts = (
        await tx.execute<{
          sealed: string | number;
          pending: string | number;
          last_seq: string | null;
          stale: string | number;
          oldest: string | null;
        }>(
          sql`SELECT count(seq) AS sealed, count(*) - count(seq) AS pending, max(seq)::text AS last_seq,
            count(*) FILTER (WHERE seq IS NULL
              AND occurred_at < now() - ${opts.staleAfterMs ?? STALE_AFTER_MS}::int * interval '1 millisecond') AS stale,
            ${sql.raw(utcText('min(occurred_at) FILTER (WHERE seq IS NULL)'))} AS oldest
            FROM audit_log`,
        )
      ).rows[0];
      const total = Number(counts?.sealed ?? 0);
      const pending = Number(counts?.pending ?? 0);
      const { checked, problem } = await walk(tx, key, { seq: Number(head.seq), hash: head.hash }, batchSize, (c) =>
        onProgress?.(c, total),
      );
      const result: VerifyResult = { ok: !problem, checked, pending, ...(problem ? { firstProblem: problem } : {}) };
      if (file !== undefined) {
        result.checkpoints =
          file === null
            ? { state: 'off' }
            : await checkCheckpoints(file, size, key, Number(counts?.last_seq ?? 0), (seqs) => hashesAt(tx, seqs));
        if (result.checkpoints.state === 'read' && (result.checkpoints.rewound || result.checkpoints.tampered)) {
          result.ok = false;
        }
      }
      const missing = await missingIds(tx);
      if (missing) {
        result.missingIds = missing;
      }
      if (Number(counts?.stale ?? 0) > 0) {
        result.stalePending = { count: Number(counts?.stale), oldest: counts?.oldest ?? '' };
      }
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The links from genesis to the head; stops at the first problem. */
async function walk(
  tx: Tx,
  key: string,
  head: { seq: number; hash: string },
  batchSize: number,
  onProgress: (checked: number) => void,
): Promise<{ checked: number; problem?: ChainProblem }> {
  const rows = new SealedRows(tx, batchSize);
  let prev: Link = { seq: 0, hash: GENESIS_HASH, row: null };
  let checked = 0;
  for (let r = await rows.next(); r; r = await rows.next()) {
    const problem = await inspect(tx, key, r, prev, rows, head);
    if (problem) {
      onProgress(checked);
      return { checked, problem };
    }
    checked += 1;
    prev = { seq: r.seq ?? 0, hash: r.hash ?? '', row: r };
    if (checked % batchSize === 0) {
      onProgress(checked);
    }
  }
  onProgress(checked);
  const problem = checkHead(prev, head);
  return problem ? { checked, problem } : { checked };
}

/** The hashes the log holds at these seqs. */
async function hashesAt(tx: Tx, seqs: number[]): Promise<Map<number, string>> {
  const rows = (
    await tx.execute<{ seq: string; hash: string }>(
      sql`SELECT seq::text AS seq, coalesce(hash, '') AS hash FROM audit_log
        WHERE seq IN (SELECT jsonb_array_elements_text(${JSON.stringify(seqs)}::jsonb)::bigint)`,
    )
  ).rows;
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
}

/** Runs of insert ids that no row holds, counted from id 1; undefined when there are none. */
async function missingIds(tx: Tx): Promise<VerifyResult['missingIds']> {
  const row = (
    await tx.execute<{
      gaps: string | number;
      ids: string | null;
      first_after: string | null;
      first_before: string | null;
    }>(
      sql`WITH g AS (SELECT id, lag(id, 1, 0::bigint) OVER (ORDER BY id) AS prev FROM audit_log)
        SELECT count(*) AS gaps, sum(id - prev - 1)::text AS ids, min(prev)::text AS first_after,
          min(id)::text AS first_before
        FROM g WHERE id > prev + 1`,
    )
  ).rows[0];
  const gaps = Number(row?.gaps ?? 0);
  return gaps > 0
    ? { gaps, ids: Number(row?.ids), firstAfter: Number(row?.first_after), firstBefore: Number(row?.first_before) }
    : undefined;
}

const authentic = (key: string, r: ChainRow): boolean =>
  r.hash !== null && r.prevHash !== null && chainHash(key, r.prevHash, r) === r.hash;

/** The problem with entry `r`, which should follow `prev`, or undefined when the link holds. */
async function inspect(
  tx: Tx,
  key: string,
  r: ChainRow,
  prev: Link,
  rows: SealedRows,
  head: { seq: number },
): Promise<ChainProblem | undefined> {
  const seq = r.seq ?? 0;
  if (seq > head.seq) {
    return problemAt(r, 'inserted', `it is numbered beyond the chain head (#${head.seq}), which no sealer did`);
  }
  if (!authentic(key, r)) {
    const next = await rows.peek();
    if (next && next.prevHash === prev.hash && authentic(key, next)) {
      return problemAt(
        r,
        'inserted',
        `it was not sealed with the audit key, and ${describeRow(next)} links directly to ${describeLink(prev)}`,
      );
    }
    return problemAt(r, 'changed', 'its content or seal differs from what was sealed (the HMAC does not match)');
  }
  if (seq !== prev.seq + 1) {
    return missing(
      prev.seq + 1,
      `${entries(seq - prev.seq - 1)} missing between ${describeLink(prev)} and ${describeRow(r)}`,
    );
  }
  if (r.prevHash !== prev.hash) {
    const origin = (
      await tx.execute<{ seq: string | number }>(
        sql`SELECT seq FROM audit_log WHERE hash = ${r.prevHash} AND seq IS NOT NULL LIMIT 1`,
      )
    ).rows[0];
    if (origin) {
      return problemAt(
        r,
        'reordered',
        `it was sealed after #${Number(origin.seq)}, but now follows ${describeLink(prev)}`,
      );
    }
    return problemAt(
      r,
      'removed',
      `the entry sealed before it is missing (the numbers after ${describeLink(prev)} were closed up)`,
    );
  }
  return undefined;
}

/** The head must name the last entry: a head further on means entries were removed from the end. */
function checkHead(last: Link, head: { seq: number; hash: string }): ChainProblem | undefined {
  if (head.seq > last.seq) {
    return missing(
      last.seq + 1,
      `the chain head records #${head.seq} as the last sealed entry, but the log ends at ${describeLink(last)} (${entries(head.seq - last.seq)} missing at the end)`,
    );
  }
  if (head.hash !== last.hash) {
    const detail = 'the chain head holds a different hash for this entry';
    return last.row
      ? problemAt(last.row, 'changed', detail)
      : { id: null, seq: 0, occurredAt: null, action: null, kind: 'changed', detail: 'the chain head was altered' };
  }
  return undefined;
}
