import type { APIRequestContext } from 'playwright-core';
import { DEMO_PERSONS } from '../../packages/server/src/modules/demo-data/index.ts';
import { demoNin } from '../../packages/server/src/modules/demo-data/demo-data.ts';

/**
 * The identity number the demo seed gives a person, as the journeys type it (a citizen or nurse would know it;
 * the test login page does not show it).
 * @param givenName - the demo person's given name, e.g. "Nora"
 */
export function ninOf(givenName: string): string {
  const index = DEMO_PERSONS.findIndex((p) => p.givenName === givenName);
  const person = DEMO_PERSONS[index];
  if (!person) {
    throw new Error(`No demo person called ${givenName}`);
  }
  return demoNin(person.birthDate, index, person.nin);
}

/**
 * Calls the API the way the web app does (the session's cookie and CSRF token), to check that the server, not
 * only the page, refuses.
 */
export async function apiAs(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string | null };
  const res = await request.fetch(path, {
    method,
    headers: { 'x-csrf-token': session.csrfToken ?? '', accept: 'application/json' },
    ...(body !== undefined ? { data: body } : {}),
  });
  const text = await res.text();
  return { status: res.status(), json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
