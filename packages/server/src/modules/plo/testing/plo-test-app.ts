import { readFileSync } from 'node:fs';
import type { Response as InjectResponse } from 'light-my-request';
import { fileURLToPath } from 'node:url';
import { addressRegisterDocument } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';

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
 */
export async function buildPloTestApp(env: Record<string, string> = {}): Promise<PloTestApp> {
  const t = await buildTestApp(env);
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
