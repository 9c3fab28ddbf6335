import { DEMO_HOSPITAL_TOKEN } from '../../../packages/server/src/modules/plo/index.ts';
import { startBenchApp } from './bench-app.ts';

// Helsebro as an ingest instance: HTTP and the audit sealer, WORKERS=false so AppRecs stay queued, as on an
// instance that only takes messages in. Prints the port and the demo hospital's bearer token.
// The per-partner rate limit (RATE_LIMIT_EDI_PER_MINUTE) is lifted: the load comes from one partner on purpose.
const { ready } = await startBenchApp({ WORKERS: 'false', RATE_LIMIT_EDI_PER_MINUTE: '100000000' });
ready({ token: DEMO_HOSPITAL_TOKEN });
