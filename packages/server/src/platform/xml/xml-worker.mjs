// The entry of an XML pool thread (xml-pool.ts). Node 20 does not apply the main thread's `--import tsx` hooks to
// worker threads (tsx issue #354: ERR_UNKNOWN_FILE_EXTENSION), so the thread registers tsx itself, the way the
// server runs (`npm start`, `npm run dev` and the tests all run under tsx), before it loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./xml-worker.ts');
