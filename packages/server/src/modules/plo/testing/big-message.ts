import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { buildMessage } from '../msghead/message.build.ts';
import { sampleMessage } from './sample-messages.ts';

/** The size in issue 10: a Helsefaglig dialog with a scanned document attached, just under the 8 MiB limit. */
export const BIG_MESSAGE_BYTES = 7_900_000;

export type BigMessage = { xml: Buffer; msgId: string };

/**
 * A valid DIALOG_HELSEFAGLIG from the demo hospital to Fjordvik's home nursing with a PDF attachment (random
 * bytes, so as incompressible as a real scan) making it `size` bytes, give or take a few hundred.
 * @param size - the document's size in bytes
 */
export function bigMessage(size = BIG_MESSAGE_BYTES): BigMessage {
  const input = { ...sampleMessage('DIALOG_HELSEFAGLIG'), msgId: randomUUID() };
  const bare = Buffer.byteLength(buildMessage(input).xml);
  // The attachment's Document adds ~400 bytes around the base64 text; base64 is 4 bytes per 3.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(Math.floor(((size - bare - 400) * 3) / 4) - 9)]);
  const attachment = { mimeType: 'application/pdf', description: 'Skannet epikrise', base64: pdf.toString('base64') };
  const built = buildMessage({ ...input, attachments: [attachment] });
  return { xml: Buffer.from(built.xml, 'utf8'), msgId: built.msgId };
}

/** The same message with a fresh MsgId, so it is not a duplicate (the MsgId is in the envelope only). */
export function withFreshMsgId(m: BigMessage): BigMessage {
  const msgId = randomUUID();
  return { xml: Buffer.from(m.xml.toString('utf8').replace(m.msgId, msgId), 'utf8'), msgId };
}

export type HealthProbe = {
  /** /health latencies in ms before any message was posted. */
  baseline: number[];
  /** /health latencies in ms from the first post until 100 ms after the last answer. */
  during: number[];
  healthStatuses: number[];
  /** The answers to the posts, batch by batch, in order. */
  posts: Array<{ status: number; body: string; ms: number }>;
};

/**
 * A client in its own thread (its own event loop, so it measures the server's and not its own): after 20 requests
 * to warm up, GET /health every 5 ms over keep-alive HTTP, `baselineMs` alone, then while each batch of bodies is
 * POSTed to /edi/v1/messages (the bodies of a batch at once, the batches one after the other), then 100 ms more.
 * Plain JS, evaluated: it needs nothing of ours.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, token, batches, baselineMs } = workerData;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const out = { baseline: [], during: [], healthStatuses: [], posts: [] };
let phase = 'baseline';
const post = async (body) => {
  const t0 = performance.now();
  const res = await fetch(base + '/edi/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/xml', authorization: 'Bearer ' + token },
    body,
  });
  return { status: res.status, body: await res.text(), ms: performance.now() - t0 };
};
(async () => {
  for (let i = 0; i < 20; i++) await (await fetch(base + '/health')).arrayBuffer();
  const polling = (async () => {
    while (phase !== 'done') {
      const t0 = performance.now();
      const res = await fetch(base + '/health');
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      out.healthStatuses.push(res.status);
      (phase === 'baseline' ? out.baseline : out.during).push(ms);
      await sleep(5);
    }
  })();
  await sleep(baselineMs);
  phase = 'during';
  for (const batch of batches) out.posts.push(...(await Promise.all(batch.map(post))));
  await sleep(100);
  phase = 'done';
  await polling;
  parentPort.postMessage(out);
})().catch((err) => parentPort.postMessage({ error: String((err && err.stack) || err) }));
`;

/**
 * Posts big messages to a listening Helsebro while a client in another thread keeps asking /health.
 * @param base - the server's base URL
 * @param token - a partner's bearer token
 * @param batches - bodies to post, each batch at once
 * @param baselineMs - how long /health is measured alone first
 */
export function probeHealth(base: string, token: string, batches: Buffer[][], baselineMs = 300): Promise<HealthProbe> {
  return new Promise((resolve, reject) => {
    const workerData = { base, token, baselineMs, batches: batches.map((b) => b.map((x) => new Uint8Array(x))) };
    const w = new Worker(PROBE, { eval: true, workerData });
    w.once('message', (m: HealthProbe | { error: string }) => {
      void w.terminate();
      if ('error' in m) {
        reject(new Error(m.error));
      } else {
        resolve(m);
      }
    });
    w.once('error', reject);
  });
}

/** p50, p99 and max of latencies in ms. */
export function latencySummary(values: number[]): { p50: number; p99: number; max: number; n: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN, n: s.length };
}
