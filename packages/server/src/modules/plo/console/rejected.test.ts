import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  EdiReceipt,
  PloConsoleListResponse,
  PloRejectedItem,
  PloRejectedListResponse,
  ProblemResponse,
} from '@helsebro/contracts';
import type { LoggedIn } from '../../../../test/login.ts';
import { buildMessage } from '../msghead/message.build.ts';
import { DEMO_FJORDVIK_HOME_NURSING, sampleMessage } from '../testing/sample-messages.ts';
import { buildPloTestApp, fjordvikHandlerAndPatient, outsiders, type PloTestApp } from '../testing/plo-test-app.ts';

const BASE = '/api/plo/console/rejected';
const HOSPITAL = '9900001000';
const NURSING = '9900002001';
const GONE = { name: 'Nedlagt tjeneste', herId: '9900002999' };

/**
 * Rejected messages (issue 14, D6): a message to a service Fjordvik does not have is rejected with E21 and waits in
 * the queue of Fjordvik's message handlers, with the reason; a handler forwards one to home nursing (it lands in that
 * inbox, new) and closes another with a note. Another organisation's handler and a nurse see nothing of it.
 */
void describe('the rejected-message queue', () => {
  let t: PloTestApp;
  let handler: LoggedIn;
  let otherHandler: LoggedIn;
  let nurse: LoggedIn;
  const rows = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);
  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (url: string, who: LoggedIn, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });
  const misaddressed = async () => {
    const res = await t.post(
      buildMessage(sampleMessage('LOG_INNLAGT', { receiver: { ...DEMO_FJORDVIK_HOME_NURSING, service: GONE } })).xml,
      HOSPITAL,
    );
    const receipt = res.json<EdiReceipt>();
    assert.equal(receipt.outcome, 'rejected', res.body);
    return receipt.messageId;
  };

  before(async () => {
    t = await buildPloTestApp();
    let fjordvikId: string;
    ({ handler, fjordvikId } = await fjordvikHandlerAndPatient(t));
    ({ otherHandler, nurse } = await outsiders(t, fjordvikId));
  });
  after(async () => {
    await t.close();
  });

  void it('shows a misaddressed message to its organisation with the reason, and to no one else', async () => {
    const id = await misaddressed();
    const res = await get(BASE, handler);
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json<PloRejectedListResponse>();
    const item = list.items.find((i) => i.id === id)!;
    assert.equal(item.status, 'rejected');
    assert.equal(item.receiver.partyHerId ?? item.receiver.organisationHerId, GONE.herId);
    assert.equal(item.reasons[0]?.code, 'E21');
    assert.match(item.reasons[0].detail ?? '', /9900002999/);
    assert.equal(item.patient.name, 'Olav Nordmann');
    assert.equal(item.done, null);
    assert.ok(
      list.services.some((s) => s.herId === NURSING),
      'the services it can go to',
    );
    assert.ok(list.openCount >= 1);
    const [read] = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'plo_message.read' AND resource_id = $1 AND details->>'via' = 'console_rejected'",
      [id],
    );
    assert.equal(read!.n, 1, 'the listing is audited with its patient');

    assert.equal((await get(BASE, otherHandler)).json<PloRejectedListResponse>().items.length, 0);
    const refused = await post(`${BASE}/${id}/close`, otherHandler, { note: 'Ikke vår.' });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<ProblemResponse>().code, 'not_your_message');
    assert.equal((await get(BASE, nurse)).statusCode, 403);
    assert.equal((await post(`${BASE}/${crypto.randomUUID()}/close`, handler, { note: 'x' })).statusCode, 404);
  });

  void it('forwards one to home nursing, where it is new in the inbox; closes another with a note; once each', async () => {
    const toForward = await misaddressed();
    const toClose = await misaddressed();
    const wrong = await post(`${BASE}/${toForward}/forward`, handler, { serviceHerId: '9900001001', note: 'Feil.' });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json<ProblemResponse>().errors?.[0]?.path, 'body.serviceHerId');
    const empty = await post(`${BASE}/${toClose}/close`, handler, { note: '   ' });
    assert.equal(empty.statusCode, 400);

    const forwarded = await post(`${BASE}/${toForward}/forward`, handler, {
      serviceHerId: NURSING,
      note: 'Den gamle tjenesten er slått sammen med hjemmesykepleien.',
    });
    assert.equal(forwarded.statusCode, 200, forwarded.body);
    const done = forwarded.json<PloRejectedItem>().done!;
    assert.deepEqual([done.outcome, done.forwardedTo?.herId], ['forwarded', NURSING]);
    const inbox = (await get(`/api/plo/console/services/${NURSING}/inbox`, handler)).json<PloConsoleListResponse>();
    assert.equal(inbox.items.find((i) => i.id === toForward)?.state, 'new', 'in the inbox, new');
    assert.equal((await get(`/api/plo/console/messages/${toForward}`, handler)).statusCode, 200, 'and readable');
    const again = await post(`${BASE}/${toForward}/close`, handler, { note: 'Igjen.' });
    assert.deepEqual([again.statusCode, again.json<ProblemResponse>().code], [409, 'already_decided']);

    const closed = await post(`${BASE}/${toClose}/close`, handler, {
      note: 'Sykehuset sender på nytt til riktig tjeneste.',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json<PloRejectedItem>().done?.outcome, 'closed');

    const open = (await get(BASE, handler)).json<PloRejectedListResponse>();
    assert.ok(!open.items.some((i) => i.id === toForward || i.id === toClose), 'no longer waiting');
    const decided = (await get(`${BASE}?state=done`, handler)).json<PloRejectedListResponse>();
    assert.deepEqual(
      decided.items
        .filter((i) => i.id === toForward || i.id === toClose)
        .map((i) => i.done?.outcome)
        .sort(),
      ['closed', 'forwarded'],
    );
    const audit = await rows<{ action: string; subject: string | null }>(
      `SELECT action, subject_person_id AS subject FROM audit_log WHERE action LIKE 'plo_rejected.%' ORDER BY id`,
    );
    assert.deepEqual(
      audit.map((a) => [a.action, a.subject !== null]),
      [
        ['plo_rejected.forward', true],
        ['plo_rejected.close', true],
      ],
    );
    const [triage] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM plo_rejected_triage');
    assert.equal(triage!.n, 2);
  });
});
