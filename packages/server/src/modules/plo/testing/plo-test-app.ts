import { readFileSync } from 'node:fs';
import type { Response as InjectResponse } from 'light-my-request';
import { fileURLToPath } from 'node:url';
import { addressRegisterDocument } from '@helsebro/contracts';
import { makePerson, makePersonnel } from '../../../../test/factories.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { createOutgoingCredentials } from '../send/outgoing-credentials.ts';
import { SAMPLE_PATIENT } from './sample-messages.ts';

const EXAMPLE_REGISTER = fileURLToPath(new URL('../__fixtures__/example-register.json', import.meta.url));

/** Bearer tokens of the test partners, by the partner organisation's HER-id. */
export type PartnerTokens = Record<string, string>;

export type PloTestApp = TestApp & {
  tokens: PartnerTokens;
  /** POSTs a body to /edi/v1/messages as the partner with this HER-id. */
  post(body: string | Buffer, herId?: string, headers?: Record<string, string>): Promise<InjectResponse>;
};

/**
 * The app on a fresh database with the demo data (including the demo address register) and the official
 * examples' parties (`__fixtures__/example-register.json`), every example sender holding a credential. The
 * installation hosts every example receiver, as a hub serving several organisations does.
 * @param env - extra environment variables (e.g. a low RATE_LIMIT_EDI_PER_MINUTE)
 * @param opts - as buildTestApp's (`listen` for tests over real HTTP)
 */
export async function buildPloTestApp(
  env: Record<string, string> = {},
  opts: Parameters<typeof buildTestApp>[1] = {},
): Promise<PloTestApp> {
  const t = await buildTestApp(env, opts);
  await seedDemo(t.database.db);
  const register = createAddressRegister(t.app.platform);
  const doc = addressRegisterDocument.parse(JSON.parse(readFileSync(EXAMPLE_REGISTER, 'utf8')));
  await register.importDocument(systemContext('test'), doc, 'merge');
  const tokens: PartnerTokens = {};
  for (const herId of ['59', '99387', '91096', '56704', '9900001000']) {
    tokens[herId] = await register.issueCredential(herId, `test ${herId}`);
  }
  return {
    ...t,
    tokens,
    post: (body, herId = '59', headers = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/edi/v1/messages',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${tokens[herId]}`, ...headers },
        payload: body,
      }),
  };
}

/**
 * Fjordvik's id, the sample messages' patient (SAMPLE_PATIENT) in the population register as a Fjordvik resident,
 * and the demo's Fjordvik message handler (HPR 9100007) logged in.
 * @param t - the app from `buildPloTestApp`
 */
export async function fjordvikHandlerAndPatient(
  t: PloTestApp,
): Promise<{ fjordvikId: string; patientId: string; handler: LoggedIn }> {
  const q = <T>(sql: string) => t.database.query<T & Record<string, unknown>>(sql);
  const fjordvikId = (await q<{ id: string }>("SELECT id FROM municipalities WHERE number = '9901'"))[0]!.id;
  const patient = await makePerson(t.database.db, {
    nin: SAMPLE_PATIENT.nin,
    birthDate: '1938-03-14',
    givenName: SAMPLE_PATIENT.givenName,
    familyName: SAMPLE_PATIENT.familyName,
    municipalityId: fjordvikId,
  });
  const personnelId = (await q<{ id: string }>("SELECT id FROM personnel WHERE hpr_number = '9100007'"))[0]!.id;
  const handler = await loginAs(t.app, { kind: 'personnel', personnelId, municipalityId: fjordvikId });
  return { fjordvikId, patientId: patient.id, handler };
}

/**
 * Points partner organisations' transport endpoints somewhere (a test server) and stores the token we present to
 * each, as the operator would.
 * @param t - the app from `buildPloTestApp`
 * @param partners - by organisation HER-id: the endpoint and the token it gave us
 */
export async function pointPartnersAt(
  t: PloTestApp,
  partners: Record<string, { endpoint: string; token: string }>,
): Promise<void> {
  const register = createAddressRegister(t.app.platform);
  const doc = await register.exportDocument(systemContext('test'));
  doc.parties = doc.parties.map((p) => {
    const to = partners[p.herId];
    return to ? { ...p, transportEndpoint: to.endpoint } : p;
  });
  await register.importDocument(systemContext('test'), doc, 'merge');
  const credentials = createOutgoingCredentials({ db: t.app.platform.db, register, secret: t.config.ploCredentialKey });
  for (const [herId, to] of Object.entries(partners)) {
    await credentials.set(herId, to.token, `test ${herId}`);
  }
}

/**
 * Logged-in callers who must see nothing of Fjordvik's messages: Bakkedal's message handler (another organisation)
 * and a nurse of Fjordvik (no message handler role).
 * @param fjordvikId - Fjordvik's municipality id (from `fjordvikHandlerAndPatient`)
 */
export async function outsiders(
  t: PloTestApp,
  fjordvikId: string,
): Promise<{ otherHandler: LoggedIn; nurse: LoggedIn }> {
  const [bakkedal] = await t.database.query<{ id: string }>("SELECT id FROM municipalities WHERE number = '9902'");
  const other = await makePersonnel(t.database.db, { municipalityId: bakkedal!.id, role: 'message_handler' });
  const siri = await makePersonnel(t.database.db, { municipalityId: fjordvikId, role: 'nurse' });
  return {
    otherHandler: await loginAs(t.app, { kind: 'personnel', personnelId: other.id, municipalityId: bakkedal!.id }),
    nurse: await loginAs(t.app, { kind: 'personnel', personnelId: siri.id, municipalityId: fjordvikId }),
  };
}
