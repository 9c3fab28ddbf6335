import assert from 'node:assert/strict';
import type { ConversationResponse } from '@helsebro/contracts';
import { registerMachineClient } from '../src/modules/identity/index.ts';
import { requestEpjToken } from './epj-token.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Municipality,
  type Person,
  type Personnel,
  type ServiceUnit,
} from './factories.ts';
import { loginAs, type LoggedIn } from './login.ts';
import type { TestApp } from './test-app.ts';

/** A small PDF as a citizen attaches it. */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1500, 0x20), Buffer.from('\n%%EOF\n')]);

export type EpjClient = { clientId: string; clientSecret: string };

/** A municipality on the EPJ API: a unit open for dialog, a citizen in its care (logged in), a nurse, its EPJ. */
export type EpjMunicipality = {
  municipality: Municipality;
  unit: ServiceUnit;
  citizen: Person;
  citizenLogin: LoggedIn;
  nurse: Personnel;
  client: EpjClient;
};

/**
 * Sets up a fresh municipality for the EPJ side of the dialog, so a test case has a feed nobody else writes to.
 * @param t - the application, listening
 * @param names - names a case asserts on (municipality, unit, citizen and nurse as [given, family])
 */
export async function makeEpjMunicipality(
  t: TestApp,
  names: { municipality?: string; unit?: string; citizen?: [string, string]; nurse?: [string, string] } = {},
): Promise<EpjMunicipality> {
  const db = t.app.platform.db;
  const municipality = await makeMunicipality(db, names.municipality ? { name: names.municipality } : {});
  const unit = await makeServiceUnit(db, municipality.id, {
    openForDialog: true,
    ...(names.unit ? { name: names.unit } : {}),
  });
  const citizen = await makePerson(db, {
    municipalityId: municipality.id,
    ...(names.citizen ? { givenName: names.citizen[0], familyName: names.citizen[1] } : {}),
  });
  await makeCareRelation(db, { municipalityId: municipality.id, personId: citizen.id, serviceUnitId: unit.id });
  const nurse = await makePersonnel(db, {
    municipalityId: municipality.id,
    serviceUnitId: unit.id,
    ...(names.nurse ? { givenName: names.nurse[0], familyName: names.nurse[1] } : {}),
  });
  const client = { clientId: `epj-${municipality.number}`, clientSecret: `epj-test-secret-${municipality.number}` };
  await registerMachineClient(db, {
    ...client,
    clientName: `EPJ ${municipality.name}`,
    orgNumber: municipality.orgNumber,
  });
  const citizenLogin = await loginAs(t.app, { kind: 'citizen', personId: citizen.id });
  return { municipality, unit, citizen, citizenLogin, nurse, client };
}

/**
 * Calls the EPJ API as a vendor's EPJ would: over HTTP, with a token from the development IdP (one per client,
 * kept for the test file).
 * @param t - the application, listening
 */
export function epjCaller(t: TestApp) {
  const tokens = new Map<string, string>();
  const bearer = async ({ clientId, clientSecret }: EpjClient) => {
    if (!tokens.has(clientId)) {
      const { body } = await requestEpjToken(t, clientId, clientSecret);
      assert.ok(body.access_token, `token for ${clientId}`);
      tokens.set(clientId, body.access_token);
    }
    return `Bearer ${tokens.get(clientId)}`;
  };
  const call = async (client: EpjClient, method: 'GET' | 'POST', url: string, body?: object) => {
    const res = await fetch(`${t.config.publicUrl}/epj/v1${url}`, {
      method,
      headers: {
        authorization: await bearer(client),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', res, json: (await res.json()) as never };
  };
  return { bearer, call };
}

/**
 * Sends a citizen's message (a new conversation or one in an existing one) as the browser does, multipart.
 * @param t - the application
 * @param who - the citizen's login
 * @param url - `/api/dialog/conversations` or `/api/dialog/conversations/:id/messages`
 * @param fields - the form fields
 * @param withPdf - attach {@link PDF} as blodprøver.pdf
 */
export async function citizenSend(
  t: TestApp,
  who: LoggedIn,
  url: string,
  fields: Record<string, string>,
  withPdf = false,
): Promise<ConversationResponse> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    fd.append(k, v);
  }
  if (withPdf) {
    fd.append('files', new Blob([PDF], { type: 'application/pdf' }), 'blodprøver.pdf');
  }
  const body = new Response(fd);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...who.headers, 'content-type': body.headers.get('content-type')! },
    payload: Buffer.from(await body.arrayBuffer()),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<ConversationResponse>();
}

/**
 * The number of dialog messages stored, to show a refused write stored nothing.
 * @param t - the application
 */
export async function countMessages(t: TestApp): Promise<number> {
  return Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM dialog_messages'))[0]!.n);
}
