import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { compileSchemaSet, refusedExternalLoads, type SchemaSetOptions } from './schema-set.ts';
import type { XmlTask, XmlTaskResult } from './xml-pool.ts';

/**
 * One thread of the XML pool (xml-pool.ts). It compiles the schema set once, with the same compileSchemaSet as
 * the main thread, so a document meets the same prescan, parser flags and in-memory input provider here: no DTD,
 * no network, no file but the schema files. libxml2's input callbacks and WASM memory are per thread.
 */
const set = compileSchemaSet(workerData as SchemaSetOptions);
const port = parentPort!;

port.on('message', (task: XmlTask) => {
  let result: XmlTaskResult;
  try {
    const outcome = set.validate(task.bytes, task.tree);
    const sha256 = task.sha256 ? createHash('sha256').update(task.bytes).digest('hex') : undefined;
    result = { id: task.id, outcome, sha256, refusedLoads: refusedExternalLoads() };
  } catch (err) {
    // validate never throws for bad input; this is libxml2 itself failing (out of WASM memory, a bug).
    result = { id: task.id, failure: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(result);
});
port.postMessage({ ready: true, compileMs: set.compileMs });
