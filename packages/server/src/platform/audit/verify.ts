import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.ts';
import { CHAIN_ROW_COLUMNS, GENESIS_HASH, chainHash, toChainRow, type ChainRow } from './chain.ts';

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
  ok: boolean;
  /** Sealed entries found intact before the first problem (all of them when ok). */
  checked: number;
  /** Entries recorded but not yet sealed; they are not part of the chain yet. */
  pending: number;
  firstProblem?: ChainProblem;
};

/** Called as the walk advances; `total` is the number of sealed entries. */
export type VerifyProgress = (checked: number, total: number) => void;

const BATCH = 1000;

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
 * hash and its own content, the numbering, and the chain head. Reads only, in one repeatable-read snapshot, so a
 * sealer running meanwhile cannot make the walk see half a batch.
 * @param database - the store (on PGlite, the process that owns the data folder)
 * @param key - `config.auditKey`, the key the entries were sealed with
 * @param onProgress - called after each batch
 * @returns ok, how many entries were checked and how many wait to be sealed, and the first problem in chain order
 */
export async function verifyAuditChain(
  database: Pick<Database, 'db'>,
  key: string,
  onProgress?: VerifyProgress,
  opts: { batchSize?: number } = {},
): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? BATCH;
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
        await tx.execute<{ sealed: string | number; pending: string | number }>(
          sql`SELECT count(seq) AS sealed, count(*) - count(seq) AS pending FROM audit_log`,
        )
      ).rows[0];
      const total = Number(counts?.sealed ?? 0);
      const pending = Number(counts?.pending ?? 0);
      const rows = new SealedRows(tx, batchSize);
      const headLink = { seq: Number(head.seq), hash: head.hash };
      let prev: Link = { seq: 0, hash: GENESIS_HASH, row: null };
      let checked = 0;
      for (let r = await rows.next(); r; r = await rows.next()) {
        const problem = await inspect(tx, key, r, prev, rows, headLink);
        if (problem) {
          onProgress?.(checked, total);
          return { ok: false, checked, pending, firstProblem: problem };
        }
        checked += 1;
        prev = { seq: r.seq ?? 0, hash: r.hash ?? '', row: r };
        if (checked % batchSize === 0) {
          onProgress?.(checked, total);
        }
      }
      onProgress?.(checked, total);
      const problem = checkHead(prev, headLink);
      return problem ? { ok: false, checked, pending, firstProblem: problem } : { ok: true, checked, pending };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
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
