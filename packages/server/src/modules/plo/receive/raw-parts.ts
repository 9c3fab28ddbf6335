import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { ploMessageParts, ploMessages } from '../../../platform/db/schema.ts';

/**
 * The largest piece of a received message's raw bytes one statement writes: plo_messages.raw holds the first part,
 * plo_message_parts the rest (migration 0011). On PGlite a statement runs on the event loop, about 12 ms of CPU
 * per MiB on the 2-core development machine and several times that in wall time when the machine is loaded, so
 * 256 KiB (about 3 ms, the same as validating that much XML inline) keeps every turn short; a message up to
 * 256 KiB (nearly all) is one row as before.
 */
export const RAW_PART_BYTES = 256 * 1024;

/** A turn of the event loop. PGlite answers without real I/O, so a run of its queries never yields by itself. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes a message row with `write`, given the first part of its raw bytes, then the other parts, one statement
 * each with a turn of the event loop before every statement, all in one transaction: the message is stored whole
 * or not at all. Nothing is written after `write` when it stored nothing (a duplicate).
 */
export async function withRawParts<T extends { id: string }>(
  q: Queryable,
  raw: Buffer,
  write: (q: Queryable, head: Buffer) => Promise<T | undefined>,
): Promise<T | undefined> {
  if (raw.byteLength <= RAW_PART_BYTES) {
    return write(q, raw);
  }
  return (q as Db).transaction(async (tx) => {
    await yieldToEventLoop();
    const row = await write(tx, raw.subarray(0, RAW_PART_BYTES));
    for (let seq = 1; row && seq * RAW_PART_BYTES < raw.byteLength; seq++) {
      await yieldToEventLoop();
      const bytes = raw.subarray(seq * RAW_PART_BYTES, (seq + 1) * RAW_PART_BYTES);
      await tx.insert(ploMessageParts).values({ messageId: row.id, seq, bytes });
    }
    return row;
  });
}

/**
 * A stored message's raw bytes, whole: plo_messages.raw and, when that is a full first part, the other parts
 * read one statement each (see RAW_PART_BYTES).
 * @returns undefined when there is no such message
 */
export async function readRaw(q: Queryable, messageId: string): Promise<Buffer | undefined> {
  const [row] = await q.select({ raw: ploMessages.raw }).from(ploMessages).where(eq(ploMessages.id, messageId));
  if (!row || row.raw.byteLength < RAW_PART_BYTES) {
    return row?.raw;
  }
  const parts = [row.raw];
  for (let seq = 1; ; seq++) {
    await yieldToEventLoop();
    const [part] = await q
      .select({ bytes: ploMessageParts.bytes })
      .from(ploMessageParts)
      .where(and(eq(ploMessageParts.messageId, messageId), eq(ploMessageParts.seq, seq)));
    if (!part) {
      return Buffer.concat(parts);
    }
    parts.push(part.bytes);
  }
}
