import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { refusedExternalLoads, type SchemaSetOptions, type TreeOptions, type XmlSchemaSet } from './schema-set.ts';
import type { XmlValidationOutcome } from './xml.types.ts';

/** A document sent to a pool thread (xml-worker.ts). */
export type XmlTask = { id: number; bytes: Uint8Array; tree: TreeOptions | undefined; sha256: boolean };
/** A pool thread's answer: the outcome, or libxml2 failing in a way validate does not report as data. */
export type XmlTaskResult =
  | { id: number; outcome: XmlValidationOutcome; sha256: string | undefined; refusedLoads: number }
  | { id: number; failure: string };

export type XmlPoolOptions = {
  /** The schema set, compiled once in each thread (only plain data crosses to a thread). */
  schema: SchemaSetOptions;
  /** The same schema set compiled in this thread, for documents validated inline. */
  inline: XmlSchemaSet;
  /** Threads; 0 validates everything inline. */
  size: number;
  /** Documents up to this many bytes are validated inline: below it the hop to a thread costs more than it saves. */
  inlineMaxBytes: number;
  /** A document a thread has not answered within this time (its start included) fails with XmlWorkerError('timeout'). */
  timeoutMs: number;
  /** The thread's entry; xml-worker.mjs unless a test gives a stand-in. */
  workerUrl?: URL;
};

export type XmlPoolResult = {
  outcome: XmlValidationOutcome;
  /** Hex SHA-256 of the bytes, when asked for: hashing 8 MB takes 15–25 ms, so it is done where the document is. */
  sha256: string | undefined;
  /** Whether a pool thread did the work. */
  offThread: boolean;
  /** Loads libxml2 asked for and was refused in the thread that did the work, since it started (tests read it). */
  refusedLoads: number;
};

export type XmlPool = {
  /**
   * Safe parse and validation as `XmlSchemaSet.validate`, in a pool thread for a document over the inline limit.
   * @throws XmlWorkerError when the thread crashed, timed out or the pool was closed (never for bad input)
   */
  validate(bytes: Uint8Array, opts?: { tree?: TreeOptions; sha256?: boolean }): Promise<XmlPoolResult>;
  /** Threads running now (they start on first use and after a crash or timeout). */
  readonly running: number;
  /** Stops every thread; work in flight or queued fails with XmlWorkerError('closed'). */
  close(): Promise<void>;
};

export class XmlWorkerError extends Error {
  override name = 'XmlWorkerError';
  constructor(
    readonly reason: 'crashed' | 'timeout' | 'closed',
    message: string,
  ) {
    super(message);
  }
}

type Pending = {
  task: XmlTask;
  resolve: (r: XmlPoolResult) => void;
  reject: (e: XmlWorkerError) => void;
};
type Slot = { worker: Worker | null; current: Pending | null; timer: NodeJS.Timeout | null };

const WORKER_URL = new URL('./xml-worker.mjs', import.meta.url);

/**
 * Parse + XSD validation of large documents off the event loop: libxml2-wasm runs synchronously, and an 8 MB
 * document holds the thread for 70–100 ms plus the copy of its tree, during which no other request is answered.
 * A small pool of worker threads (node:worker_threads), each with the schema set compiled once, takes the
 * documents over `inlineMaxBytes`; smaller ones stay inline. Threads start on first use from xml-worker.mjs,
 * which registers tsx in the thread as the server runs under it (`npm start`, `npm run dev`, the tests). A thread
 * that crashes or does not answer in time is replaced, and only its document fails.
 * @param opts - see XmlPoolOptions
 */
export function createXmlPool(opts: XmlPoolOptions): XmlPool {
  const slots: Slot[] = Array.from({ length: Math.max(0, opts.size) }, () => ({
    worker: null,
    current: null,
    timer: null,
  }));
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function settle(slot: Slot): Pending | null {
    const p = slot.current;
    slot.current = null;
    if (slot.timer) {
      clearTimeout(slot.timer);
      slot.timer = null;
    }
    return p;
  }

  function discard(slot: Slot, reason: 'crashed' | 'timeout', message: string): void {
    const w = slot.worker;
    slot.worker = null;
    settle(slot)?.reject(new XmlWorkerError(reason, message));
    if (w) {
      void w.terminate();
    }
    pump();
  }

  function spawn(slot: Slot): Worker {
    const w = new Worker(opts.workerUrl ?? WORKER_URL, { workerData: opts.schema });
    // An idle pool must not keep the process alive; a document in flight keeps it alive through its timer.
    w.unref();
    w.on('message', (msg: XmlTaskResult | { ready: true }) => {
      if (slot.worker !== w || !('id' in msg) || slot.current?.task.id !== msg.id) {
        return;
      }
      if ('failure' in msg) {
        // WASM memory may be in any state after that: the thread is replaced.
        discard(slot, 'crashed', `libxml2 failed in the XML thread: ${msg.failure}`);
        return;
      }
      settle(slot)!.resolve({
        outcome: msg.outcome,
        sha256: msg.sha256,
        offThread: true,
        refusedLoads: msg.refusedLoads,
      });
      pump();
    });
    w.on('error', (err) => {
      if (slot.worker === w) {
        discard(slot, 'crashed', `The XML thread crashed: ${err.message}`);
      }
    });
    w.on('exit', (code) => {
      if (slot.worker === w) {
        discard(slot, 'crashed', `The XML thread stopped (exit code ${code}).`);
      }
    });
    return w;
  }

  function pump(): void {
    for (const slot of slots) {
      if (closed || queue.length === 0) {
        return;
      }
      if (slot.current) {
        continue;
      }
      const p = queue.shift()!;
      slot.worker ??= spawn(slot);
      slot.current = p;
      slot.timer = setTimeout(
        () => discard(slot, 'timeout', `The XML thread did not answer within ${opts.timeoutMs} ms.`),
        opts.timeoutMs,
      );
      // Transferred, not cloned: the caller's buffer stays whole, the copy made below moves to the thread.
      slot.worker.postMessage(p.task, [p.task.bytes.buffer as ArrayBuffer]);
    }
  }

  return {
    validate(bytes, o = {}) {
      if (closed) {
        return Promise.reject(new XmlWorkerError('closed', 'The XML pool is closed.'));
      }
      if (slots.length === 0 || bytes.byteLength <= opts.inlineMaxBytes) {
        const outcome = opts.inline.validate(bytes, o.tree);
        const sha256 = o.sha256 ? createHash('sha256').update(bytes).digest('hex') : undefined;
        return Promise.resolve({ outcome, sha256, offThread: false, refusedLoads: refusedExternalLoads() });
      }
      return new Promise<XmlPoolResult>((resolve, reject) => {
        const task: XmlTask = { id: nextId++, bytes: new Uint8Array(bytes), tree: o.tree, sha256: Boolean(o.sha256) };
        queue.push({ task, resolve, reject });
        pump();
      });
    },
    get running() {
      return slots.filter((s) => s.worker !== null).length;
    },
    async close() {
      closed = true;
      const err = () => new XmlWorkerError('closed', 'The XML pool is closed.');
      for (const p of queue.splice(0)) {
        p.reject(err());
      }
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = null;
          settle(slot)?.reject(err());
          if (w) {
            await w.terminate();
          }
        }),
      );
    },
  };
}
