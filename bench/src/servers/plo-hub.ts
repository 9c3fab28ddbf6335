import { DEMO_HOSPITAL_TOKEN } from '../../../packages/server/src/modules/plo/index.ts';
import { startBenchApp } from './bench-app.ts';

// Helsebro as an ingest instance: HTTP and the audit sealer, WORKERS=false so AppRecs stay queued, as on an
// instance that only takes messages in. Prints the port and the demo hospital's bearer token.
const { ready } = await startBenchApp({ WORKERS: 'false' });
ready({ token: DEMO_HOSPITAL_TOKEN });
