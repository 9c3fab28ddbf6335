import assert from 'node:assert/strict';
import { CALLER_KINDS, type CallerKind } from '../../src/platform/http/route-access.ts';
import { demoEpjClient } from '../../src/modules/epj/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../../src/modules/plo/index.ts';
import { requestEpjToken } from '../epj-token.ts';
import { loginAs } from '../login.ts';
import type { TestApp } from '../test-app.ts';
import type { AuthzPeople } from './fixture.ts';

export type Caller = {
  kind: CallerKind;
  /** Sent with every request: the session cookie and its CSRF token, or a bearer token, or nothing. */
  headers: Readonly<Record<string, string>>;
};

/**
 * Every kind of caller the matrix tries, logged in the way each really logs in: citizens, personnel and the operator
 * get real sessions (loginAs), the proxies then switch to acting for A through the API, as the web does; the EPJ
 * clients get access tokens from the issuer's token endpoint with the client credentials grant; the hospital
 * presents the demo partner credential it posts PLO messages with.
 * @param t - the application, listening (the EPJ API fetches the issuer's keys over HTTP)
 * @param people - who is who in the fixture
 */
export async function buildCallers(t: TestApp, people: AuthzPeople): Promise<Record<CallerKind, Caller>> {
  const session = async (who: Parameters<typeof loginAs>[1]) => (await loginAs(t.app, who)).headers;
  const citizen = (personId: string) => session({ kind: 'citizen', personId });
  const staff = (personnelId: string, municipalityId: string) =>
    session({ kind: 'personnel', personnelId, municipalityId });
  const actingForA = async (personId: string) => {
    const headers = await citizen(personId);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/representation/acting-for',
      headers,
      payload: { personId: people.citizenA },
    });
    assert.equal(res.statusCode, 200, `switching to acting for A: ${res.body}`);
    return headers;
  };
  const bearer = async (number: string) => {
    const { clientId, clientSecret } = demoEpjClient(number);
    const { body } = await requestEpjToken(t, clientId, clientSecret);
    assert.ok(body.access_token, `an access token for ${clientId}`);
    return { authorization: `Bearer ${body.access_token}` };
  };

  const headers: Record<CallerKind, Readonly<Record<string, string>>> = {
    anonymous: {},
    citizen: await citizen(people.citizenA),
    otherCitizen: await citizen(people.citizenB),
    proxyInScope: await actingForA(people.proxyInScope),
    proxyOutOfScope: await actingForA(people.proxyOutOfScope),
    staffSameUnit: await staff(people.staffSameUnit, people.municipalityA),
    staffOtherUnit: await staff(people.staffOtherUnit, people.municipalityA),
    staffOtherMunicipality: await staff(people.staffOtherMunicipality, people.municipalityB),
    messageHandlerOtherOrg: await staff(people.messageHandlerOtherOrg, people.municipalityB),
    operator: await session({ kind: 'operator', operatorId: people.operator }),
    epjClient: await bearer(people.municipalityANumber),
    epjClientOtherMunicipality: await bearer(people.municipalityBNumber),
    partnerOtherOrg: { authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
    municipalAdmin: await staff(people.municipalAdmin, people.municipalityA),
  };
  return Object.fromEntries(CALLER_KINDS.map((kind) => [kind, { kind, headers: headers[kind] }])) as Record<
    CallerKind,
    Caller
  >;
}
