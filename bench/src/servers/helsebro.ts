import { eq } from 'drizzle-orm';
import { persons } from '../../../packages/server/src/platform/db/schema.ts';
import { loginAs } from '../../../packages/server/test/login.ts';
import { startBenchApp } from './bench-app.ts';

// Helsebro as deployed, with the demo citizen logged in: prints the port and her session cookie.
const { app, ready } = await startBenchApp();
const [kari] = await app.platform.db.select({ id: persons.id }).from(persons).where(eq(persons.givenName, 'Kari'));
const login = await loginAs(app, { kind: 'citizen', personId: kari!.id });
ready({ cookie: login.headers.cookie });
