import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EdiReceipt } from '@helsebro/contracts';
import type { Job } from '../../../platform/jobs/index.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { parseAppRec } from '../apprec/apprec.parse.ts';
import { buildMessage } from '../msghead/message.build.ts';
import type { PartyAddress } from '../msghead/msghead.build.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { createOutgoingCredentials } from '../send/outgoing-credentials.ts';
import { buildPloTestApp, pointPartnersAt, type PloTestApp } from '../testing/plo-test-app.ts';
import { DEMO_HOSPITAL_SOMATIC, sampleMessage } from '../testing/sample-messages.ts';
import { appRecSendHandler } from './apprec-send.job.ts';

const HOSPITAL = '9900001000';
const BAKKEDAL_ENDPOINT = 'http://127.0.0.1:9/bakkedal/edi/v1/messages';
const HOSPITAL_ENDPOINT = 'http://127.0.0.1:9/hospital/edi/v1/messages';
const her = (id: string) => `<Ident><Id>${id}</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident>`;

/** A LOG_INNLAGT from the hospital to Fjordvik's home nursing, its Sender replaced by `senderXml` when given. */
function message(sender: PartyAddress = DEMO_HOSPITAL_SOMATIC, senderXml?: string): string {
  const xml = buildMessage(sampleMessage('LOG_INNLAGT', { sender })).xml;
  if (senderXml === undefined) {
    return xml;
  }
  const replaced = xml.replace(/<Sender>[\s\S]*?<\/Sender>/, `<Sender>${senderXml}</Sender>`);
  assert.notEqual(replaced, xml);
  return replaced;
}

void describe('POST /edi/v1/messages: every HER-id in the Sender must be the partner’s', () => {
  let t: PloTestApp;
  const rows = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);

  before(async () => {
    t = await buildPloTestApp();
    // Bakkedal gets an endpoint of its own, so an AppRec addressed to its service would have somewhere to go.
    await pointPartnersAt(t, {
      [HOSPITAL]: { endpoint: HOSPITAL_ENDPOINT, token: 'the-hospital-gave-us-this-token-0123456789' },
      '9900003000': { endpoint: BAKKEDAL_ENDPOINT, token: 'bakkedal-gave-us-this-token-0123456789' },
    });
  });
  after(async () => {
    await t.close();
  });

  /** Where the AppRec job for this message POSTs, run once with a fetch that records the URL. */
  async function appRecDestination(messageId: string): Promise<string> {
    const [job] = await rows<{ id: number; payload: Record<string, unknown> }>(
      `SELECT j.id, j.payload FROM jobs j JOIN plo_apprecs a ON a.id::text = j.payload->>'appRecRowId'
        WHERE a.message_id = $1 AND j.kind = 'plo.apprec.send'`,
      [messageId],
    );
    const register = createAddressRegister(t.app.platform);
    const credentials = createOutgoingCredentials({
      db: t.app.platform.db,
      register,
      secret: t.config.ploCredentialKey,
    });
    const urls: string[] = [];
    const fetchImpl = ((url: string) => {
      urls.push(url);
      return Promise.resolve(new Response(null, { status: 202 }));
    }) as typeof fetch;
    await appRecSendHandler(
      register,
      credentials,
      fetchImpl,
    )({ id: job!.id, kind: 'plo.apprec.send', payload: job!.payload, attempts: 1, maxAttempts: 8 } as Job, {
      platform: t.app.platform,
      signal: new AbortController().signal,
    });
    assert.equal(urls.length, 1);
    return urls[0]!;
  }

  /** Posts as the hospital and checks what every refusal has in common; returns the receipt. */
  async function refused(body: string, named: RegExp): Promise<EdiReceipt> {
    const res = await t.post(body, HOSPITAL);
    assert.equal(res.statusCode, 202, res.body);
    const receipt = res.json<EdiReceipt>();
    assert.equal(receipt.outcome, 'rejected');
    assert.equal(receipt.appRecs.length, 1);
    assert.equal(receipt.appRecs[0]!.status, '2');
    assert.equal(receipt.appRecs[0]!.errors[0]!.code, 'X99');
    assert.match(receipt.appRecs[0]!.errors[0]!.detail ?? '', named);

    const [m] = await rows<{ status: string; sender_party_her_id: string | null; problems: Array<{ code: string }> }>(
      'SELECT status, sender_party_her_id, problems FROM plo_messages WHERE id = $1',
      [receipt.messageId],
    );
    assert.equal(m!.status, 'refused');
    assert.equal(m!.sender_party_her_id, null, 'the foreign party is not kept as the sender');
    assert.equal(m!.problems[0]!.code, 'sender_party_foreign');
    const [inbox] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM plo_inbox WHERE message_id = $1', [
      receipt.messageId,
    ]);
    assert.equal(inbox!.n, 0, 'a refused message reaches no inbox');

    const [apprec] = await rows<{ xml: Uint8Array; status: string }>(
      "SELECT xml, status FROM plo_apprecs WHERE message_id = $1 AND direction = 'out'",
      [receipt.messageId],
    );
    const validated = ploSchemaSet().validate(Buffer.from(apprec!.xml));
    assert.ok(validated.wellFormed && validated.valid, 'the AppRec validates against AppRec-v1.1.xsd');
    const parsed = parseAppRec(validated.root);
    assert.deepEqual(parsed.receiver, { inst: { name: 'Fjordvik sykehus HF', herId: HOSPITAL } });
    assert.equal(parsed.errors[0]!.code, 'X99');
    assert.equal(await appRecDestination(receipt.messageId), HOSPITAL_ENDPOINT);

    const [audit] = await rows<{ details: { outcome: string; code: string; claimed: string[] } }>(
      "SELECT details FROM audit_log WHERE action = 'plo_message.receive' AND resource_id = $1",
      [receipt.messageId],
    );
    assert.deepEqual([audit!.details.outcome, audit!.details.code], ['refused', 'sender_party_foreign']);
    return receipt;
  }

  void it('takes a message whose service is the hospital’s own, answered to that service', async () => {
    const res = await t.post(
      message({ ...DEMO_HOSPITAL_SOMATIC, service: { name: 'Psykiatri plo meldingsmottak', herId: '9900001002' } }),
      HOSPITAL,
    );
    assert.equal(res.statusCode, 202, res.body);
    const receipt = res.json<EdiReceipt>();
    assert.deepEqual([receipt.outcome, receipt.appRecs[0]!.status], ['accepted', '1']);
    const [m] = await rows<{ status: string; sender_party_her_id: string }>(
      'SELECT status, sender_party_her_id FROM plo_messages WHERE id = $1',
      [receipt.messageId],
    );
    assert.deepEqual([m!.status, m!.sender_party_her_id], ['accepted', '9900001002']);
  });

  void it('refuses a service of another organisation (Bakkedal’s) with X99 to the hospital itself, not to Bakkedal', async () => {
    const receipt = await refused(
      message({ ...DEMO_HOSPITAL_SOMATIC, service: { name: 'Sykepleietjeneste', herId: '9900003001' } }),
      /9900003001 \(nivå 2, hører til 9900003000\)/,
    );
    assert.doesNotMatch(JSON.stringify(receipt), /"receiverHerId":"9900003/);
  });

  void it('refuses a HealthcareProfessional whose HER-id is another organisation’s person', async () => {
    const xml = message(DEMO_HOSPITAL_SOMATIC).replace(
      /(<Sender>[\s\S]*?)<Organisation>\s*<OrganisationName>Somatikk[\s\S]*?<\/Organisation>/,
      `$1<HealthcareProfessional><FamilyName>Lin</FamilyName><GivenName>Rita</GivenName>${her('91101')}</HealthcareProfessional>`,
    );
    await refused(xml, /91101 \(nivå 2, hører til 91096\)/);
  });

  void it('refuses a sub-level HER-id the address register does not know', async () => {
    await refused(
      message({ ...DEMO_HOSPITAL_SOMATIC, service: { name: 'Ukjent tjeneste', herId: '9900001999' } }),
      /9900001999 \(nivå 2, ukjent i adresseregisteret\)/,
    );
  });

  void it('reads below level 2 and a second HER Ident on the organisation', async () => {
    const deep =
      `<Organisation><OrganisationName>Fjordvik sykehus HF</OrganisationName>${her(HOSPITAL)}` +
      `<Organisation><OrganisationName>Somatikk plo meldingsmottak</OrganisationName>${her('9900001001')}` +
      `<Organisation><OrganisationName>Hjemmesykepleie</OrganisationName>${her('9900003001')}</Organisation>` +
      `</Organisation></Organisation>`;
    await refused(message(DEMO_HOSPITAL_SOMATIC, deep), /9900003001 \(nivå 3, hører til 9900003000\)/);
    const twice =
      `<Organisation><OrganisationName>Fjordvik sykehus HF</OrganisationName>${her(HOSPITAL)}${her('9900003000')}` +
      `<Organisation><OrganisationName>Somatikk plo meldingsmottak</OrganisationName>${her('9900001001')}` +
      `</Organisation></Organisation>`;
    await refused(message(DEMO_HOSPITAL_SOMATIC, twice), /9900003000 \(nivå 1, hører til 9900003000\)/);
  });

  void it('keeps answering 403 without an AppRec when the organisation itself is not the partner', async () => {
    const res = await t.post(message({ organisation: { name: 'Bakkedal kommune', herId: '9900003000' } }), HOSPITAL);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ code: string }>().code, 'sender_mismatch');
  });
});
