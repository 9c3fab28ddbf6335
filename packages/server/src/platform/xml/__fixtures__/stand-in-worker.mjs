// A stand-in for xml-worker.mjs in xml-pool.test.ts: it misbehaves on request, so the pool's supervision can be
// tested without a document that really makes libxml2 hang or crash. The body says what to do.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (task) => {
  const what = Buffer.from(task.bytes).toString('utf8');
  if (what === 'hang') {
    return;
  }
  if (what === 'exit') {
    process.exit(3);
  }
  if (what === 'throw') {
    throw new Error('stand-in thrown');
  }
  if (what === 'fail') {
    parentPort.postMessage({ id: task.id, failure: 'stand-in failure' });
    return;
  }
  const outcome = { wellFormed: false, refusal: 'not_well_formed', issues: [{ line: 1, column: 0, message: what }] };
  parentPort.postMessage({ id: task.id, outcome, sha256: undefined, refusedLoads: 0 });
});
