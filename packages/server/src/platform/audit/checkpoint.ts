import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from './chain.ts';

/**
 * An anchor of the audit chain kept outside the database: the chain head (`seq`, `hash`) as a sealer left it, when,
 * and how many entries that sealer had sealed since its previous checkpoint. Someone who can write the database but
 * not this file (nor the operator's log, where each checkpoint is also logged) cannot delete the newest entries and
 * rewind `audit_chain_head` unnoticed: `npm run audit:verify` finds a checkpointed seq missing or changed.
 */
export type Checkpoint = { seq: number; hash: string; sealedAt: string; count: number };

/**
 * The checkpoint MAC key: HKDF-SHA256 (RFC 5869) from AUDIT_KEY with its own info string, so a checkpoint MAC can
 * never serve as a chain link or the other way round.
 * @param auditKey - `config.auditKey`
 */
export function checkpointKey(auditKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', auditKey, '', 'helsebro audit checkpoint', 32));
}

function checkpointMac(key: Buffer, c: Checkpoint): string {
  const fields = { seq: c.seq, hash: c.hash, sealedAt: c.sealedAt, count: c.count };
  return createHmac('sha256', key).update(canonicalJson(fields)).digest('hex');
}

/**
 * One checkpoint as a line of the file: the fields and their MAC, JSON, newline-terminated.
 * @param key - from `checkpointKey`
 */
export function checkpointLine(key: Buffer, c: Checkpoint): string {
  const { seq, hash, sealedAt, count } = c;
  return `${JSON.stringify({ seq, hash, sealedAt, count, mac: checkpointMac(key, c) })}\n`;
}

/**
 * A hash as the log carries it: in groups of eight joined by colons. The logger masks any run of 11 digits as an
 * identity number, which about one hex hash in 25 contains; groups of eight keep every hash whole.
 * @param hash - hex
 */
export function loggableHash(hash: string): string {
  return (hash.match(/.{1,8}/g) ?? [hash]).join(':');
}

export type CheckpointFile = {
  /** Appends one checkpoint; resolves with the bytes of a cut-off last line it removed first (normally 0). */
  append(c: Checkpoint): Promise<number>;
};

/** How far back to look for the end of the last whole line: far beyond any checkpoint line. */
const TAIL_BYTES = 4096;

/**
 * Appends checkpoints to `file` and fsyncs each (and the folder when the file is new), so a checkpoint the log
 * announced survives a crash. Before its first append it removes a last line that a crash cut off (no newline after
 * it): such a fragment was never announced, and left in place it would read as a tampered line.
 * @param file - `config.auditCheckpointFile`
 * @param auditKey - `config.auditKey`
 */
export function checkpointFile(file: string, auditKey: string): CheckpointFile {
  const key = checkpointKey(auditKey);
  let tailChecked = false;
  return {
    append: async (c) => {
      await mkdir(dirname(file), { recursive: true });
      const handle = await open(file, 'a+', 0o600);
      let size: number;
      let dropped = 0;
      let prefix = '';
      try {
        size = (await handle.stat()).size;
        if (!tailChecked && size > 0) {
          const n = Math.min(size, TAIL_BYTES);
          const tail = Buffer.alloc(n);
          await handle.read(tail, 0, n, size - n);
          const end = tail.lastIndexOf(0x0a);
          if (end >= 0 || n === size) {
            dropped = n - end - 1;
            if (dropped > 0) {
              await handle.truncate(size - dropped);
            }
          } else {
            // Kilobytes without a newline are no cut-off checkpoint; leave them to verify, apart from ours.
            prefix = '\n';
          }
        }
        await handle.write(prefix + checkpointLine(key, c));
        await handle.sync();
      } finally {
        await handle.close();
      }
      tailChecked = true;
      if (size === 0) {
        const folder = await open(dirname(file), 'r');
        try {
          await folder.sync();
        } finally {
          await folder.close();
        }
      }
      return dropped;
    },
  };
}

const lineSchema = z.strictObject({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  sealedAt: z.string().min(1),
  count: z.number().int().nonnegative(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A checkpoint and the line (from 1) it was read from. */
export type ReadCheckpoint = Checkpoint & { line: number };

export type CheckpointProblem =
  | { kind: 'missing'; checkpoint: ReadCheckpoint; lastSeq: number; affected: number }
  | { kind: 'changed'; checkpoint: ReadCheckpoint; hashNow: string; affected: number };

export type CheckpointCheck =
  | { state: 'off' }
  | { state: 'missing'; file: string }
  | {
      state: 'read';
      file: string;
      /** Checkpoints whose MAC verified and whose seq and hash the chain still holds. */
      verified: number;
      /** The checkpoint with the highest seq among those whose MAC verified. */
      latest: ReadCheckpoint | null;
      /** The first checkpoint, in file order, that the database no longer holds. */
      rewound?: CheckpointProblem;
      /** The first line that is not a checkpoint sealed with the audit key, and how many such lines there are. */
      tampered?: { line: number; reason: string; affected: number };
      /** The last line has no newline: a write cut off by a crash (the next append removes it). Not checked. */
      torn?: { line: number };
    };

/** Looks up the hashes the database holds for these seqs (a seq it does not hold is left out). */
export type HashLookup = (seqs: number[]) => Promise<Map<number, string>>;

const LOOKUP_BATCH = 500;

/** A file's size now, or null when there is none. */
export async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw err;
  }
}

/** The lines of the first `size` bytes of `file`, streamed; the last is `torn` when no newline ends it. */
async function* linesOf(file: string, size: number): AsyncGenerator<{ text: string; torn: boolean }> {
  let rest = '';
  for await (const chunk of createReadStream(file, { start: 0, end: size - 1, encoding: 'utf8' })) {
    const parts = (rest + String(chunk)).split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) {
      yield { text, torn: false };
    }
  }
  if (rest !== '') {
    yield { text: rest, torn: true };
  }
}

function parseLine(key: Buffer, text: string): Checkpoint | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'it is not a checkpoint (not JSON)';
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    return 'it is not a checkpoint (fields missing or malformed)';
  }
  const { mac, ...checkpoint } = parsed.data;
  const expected = Buffer.from(checkpointMac(key, checkpoint), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) {
    return 'its HMAC does not verify with the audit key';
  }
  return checkpoint;
}

/**
 * Checks every checkpoint in the first `size` bytes of `file` against the chain: each must verify with the key
 * derived from AUDIT_KEY, and the database must still hold its seq with its hash. A checkpointed seq beyond the
 * log's end, or a different hash there, means the newest entries were deleted and the head rewound (and perhaps
 * sealed again since). Reads the file as a stream and asks the database in batches, so a long file costs no memory.
 * @param file - the checkpoint file; `size` null when it does not exist
 * @param size - read up to here: the size before the database snapshot was taken, so every checkpoint read
 *   describes a seal the snapshot sees
 * @param auditKey - `config.auditKey`
 * @param lastSeq - the highest seq in the log
 * @param lookup - the hashes the database holds
 */
export async function checkCheckpoints(
  file: string,
  size: number | null,
  auditKey: string,
  lastSeq: number,
  lookup: HashLookup,
): Promise<CheckpointCheck> {
  if (size === null) {
    return { state: 'missing', file };
  }
  const key = checkpointKey(auditKey);
  const result: Extract<CheckpointCheck, { state: 'read' }> = { state: 'read', file, verified: 0, latest: null };
  let batch: ReadCheckpoint[] = [];
  const compare = async (): Promise<void> => {
    const held = await lookup(batch.map((c) => c.seq));
    for (const c of batch) {
      const hashNow = held.get(c.seq);
      if (hashNow === c.hash) {
        result.verified += 1;
        continue;
      }
      if (result.rewound) {
        result.rewound.affected += 1;
      } else {
        result.rewound =
          hashNow === undefined
            ? { kind: 'missing', checkpoint: c, lastSeq, affected: 1 }
            : { kind: 'changed', checkpoint: c, hashNow, affected: 1 };
      }
    }
    batch = [];
  };
  let line = 0;
  for await (const { text, torn } of size > 0 ? linesOf(file, size) : []) {
    line += 1;
    const parsed = parseLine(key, text);
    if (typeof parsed === 'string') {
      if (torn) {
        result.torn = { line };
      } else if (result.tampered) {
        result.tampered.affected += 1;
      } else {
        result.tampered = { line, reason: parsed, affected: 1 };
      }
      continue;
    }
    const checkpoint = { ...parsed, line };
    if (!result.latest || checkpoint.seq > result.latest.seq) {
      result.latest = checkpoint;
    }
    batch.push(checkpoint);
    if (batch.length === LOOKUP_BATCH) {
      await compare();
    }
  }
  await compare();
  return result;
}
