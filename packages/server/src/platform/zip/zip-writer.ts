import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';

/** What was written for one entry: its uncompressed size and SHA-256 (hex), for a manifest. */
export type ZipEntryResult = { name: string; bytes: number; sha256: string };

type CentralRecord = { name: Buffer; crc: number; compressed: number; size: number; offset: number; time: number };

const U32 = 0xffffffff;
const U16 = 0xffff;

/** DOS date and time (the zip's own, local-time-free by our choice: we store the UTC wall clock). */
function dosTime(at: Date): number {
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  return ((date << 16) | time) >>> 0;
}

/**
 * A streaming zip writer (PKWARE APPNOTE 6.3.10) over Node's zlib, so an export of any size is written with the
 * memory of one chunk: each entry is deflated as it arrives, its CRC-32, sizes and SHA-256 computed on the way, and
 * the sizes written after the data in a data descriptor (general purpose bit 3). Names are UTF-8 (bit 11). ZIP64
 * end records are written when there are more than 65 535 entries or the central directory starts past 4 GiB;
 * a single entry must stay under 4 GiB (refused otherwise), which no table of one municipality comes near.
 */
export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private readonly time: number;

  /**
   * @param out - where the zip goes (a file); backpressure is honoured
   * @param at - the modification time given to every entry
   */
  constructor(
    private readonly out: Writable,
    at: Date,
  ) {
    this.time = dosTime(at);
  }

  private async write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) {
      await once(this.out, 'drain');
    }
  }

  /**
   * Adds one file from its chunks.
   * @param name - the path inside the zip ("/" separated)
   * @param chunks - the content, as strings (UTF-8) or bytes
   */
  async add(name: string, chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<ZipEntryResult> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the data descriptor; bit 11: UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(this.time, 10);
    header.writeUInt16LE(nameBytes.length, 26);
    await this.write(Buffer.concat([header, nameBytes]));

    const deflate = createDeflateRaw({ level: 6 });
    let compressed = 0;
    const pump = (async () => {
      for await (const piece of deflate as AsyncIterable<Buffer>) {
        compressed += piece.length;
        await this.write(piece);
      }
    })();
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      crc = crc32(bytes, crc);
      hash.update(bytes);
      size += bytes.length;
      if (!deflate.write(bytes)) {
        await once(deflate, 'drain');
      }
    }
    deflate.end();
    await pump;
    if (size >= U32 || compressed >= U32) {
      throw new Error(`zip entry ${name} is 4 GiB or more`);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.records.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset, time: this.time });
    return { name, bytes: size, sha256: hash.digest('hex') };
  }

  /** Writes the central directory and the end records, then ends the output and waits until it is flushed. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const r of this.records) {
      const far = r.offset >= U32;
      const extra = far ? Buffer.alloc(12) : Buffer.alloc(0);
      if (far) {
        extra.writeUInt16LE(0x0001, 0); // ZIP64 extended information: the local header's offset only
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(r.offset), 4);
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
      h.writeUInt16LE(far ? 45 : 20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(r.time, 12);
      h.writeUInt32LE(r.crc, 16);
      h.writeUInt32LE(r.compressed, 20);
      h.writeUInt32LE(r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      h.writeUInt32LE(far ? U32 : r.offset, 42);
      await this.write(Buffer.concat([h, r.name, extra]));
    }
    const size = this.offset - start;
    const count = this.records.length;
    if (count > U16 || start >= U32 || size >= U32) {
      const end64 = this.offset;
      const z = Buffer.alloc(56);
      z.writeUInt32LE(0x06064b50, 0);
      z.writeBigUInt64LE(44n, 4);
      z.writeUInt16LE(45, 12);
      z.writeUInt16LE(45, 14);
      z.writeBigUInt64LE(BigInt(count), 24);
      z.writeBigUInt64LE(BigInt(count), 32);
      z.writeBigUInt64LE(BigInt(size), 40);
      z.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(end64), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([z, locator]));
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(Math.min(count, U16), 8);
    e.writeUInt16LE(Math.min(count, U16), 10);
    e.writeUInt32LE(Math.min(size, U32), 12);
    e.writeUInt32LE(Math.min(start, U32), 16);
    await this.write(e);
    this.out.end();
    await once(this.out, 'finish');
  }
}
