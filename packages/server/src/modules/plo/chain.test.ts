import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PloConsoleListResponse, PloConsoleServicesResponse, PloSendReceipt } from '@helsebro/contracts';
import { freePort } from '../../../test/test-app.ts';
import type { LoggedIn } from '../../../test/login.ts';
import { waitFor } from '../../platform/jobs/testing/platform.ts';
import type { OutgoingMessageInput } from './msghead/message.build.ts';
import { followUpOf, type PartyAddress } from './msghead/msghead.build.ts';
import {
  DEMO_FJORDVIK_ALLOCATION as ALLOCATION,
  DEMO_FJORDVIK_HOME_NURSING as NURSING,
  DEMO_HOSPITAL_SOMATIC as SOMATIC,
  sampleMessage,
} from './testing/sample-messages.ts';
import { connectPair, makeStore, query as q, start, stop, type Instance } from './testing/two-instances.ts';

/**
 * Two Helsebro installations on one machine (issue 4, "Tests that must exist"): a hospital's and a municipality's,
 * each a real HTTP server on its own port with its own store (a PGlite directory each, or a PostgreSQL database
 * each with TEST_DATABASE_URL), address registers pointing at each other's /edi/v1/messages, a bearer credential
 * issued each way, outbox workers polling every 20 ms (testing/two-instances.ts). Messages go in through the send
 * API of each side as a message handler would send them, and come back as AppRecs.
 */

void describe('two Helsebro instances: a hospital and a municipality exchange a whole admission → discharge chain', () => {
  const hospitalStore = makeStore('hospital');
  const municipalityStore = makeStore('municipality');
  let hospital: Instance;
  let municipality: Instance;
  let hospitalHandler: LoggedIn;
  let municipalityHandler: LoggedIn;
  const stopped = new Set<Instance>();

  /** Sends through the instance's real HTTP API as its message handler; 202 and the receipt. */
  async function send(from: Instance, who: LoggedIn, input: OutgoingMessageInput): Promise<PloSendReceipt> {
    const res = await fetch(`${from.url}/api/plo/messages`, {
      method: 'POST',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = await res.text();
    assert.equal(res.status, 202, body);
    return JSON.parse(body) as PloSendReceipt;
  }
  const message = (
    type: OutgoingMessageInput['type'],
    sender: PartyAddress,
    receiver: PartyAddress,
    extra: Partial<OutgoingMessageInput> = {},
  ) => ({ ...sampleMessage(type, { sender, receiver }), ...extra }) as OutgoingMessageInput;

  const statusOf = async (i: Instance, id: string) =>
    (await q<{ status: string }>(i, 'SELECT status FROM plo_messages WHERE id = $1', [id]))[0]?.status;
  const settled = (i: Instance, ids: string[]) =>
    waitFor(
      `${ids.length} message(s) from the ${i.name} AppRec'd`,
      async () => {
        const rows = await q<{ status: string }>(i, 'SELECT status FROM plo_messages WHERE id = ANY($1::uuid[])', [
          ids,
        ]);
        assert.ok(!rows.some((r) => r.status === 'failed' || r.status === 'apprec_rejected'), JSON.stringify(rows));
        return rows.length === ids.length && rows.every((r) => r.status === 'apprec_ok');
      },
      30_000,
    );
  const get = async <T>(i: Instance, who: LoggedIn, path: string): Promise<T> => {
    const res = await fetch(`${i.url}${path}`, { headers: who.headers });
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };

  before(async () => {
    const [hp, mp] = [await freePort(), await freePort()];
    hospital = await start('hospital', hospitalStore, hp);
    municipality = await start('municipality', municipalityStore, mp);
    ({ hospitalHandler, municipalityHandler } = await connectPair(hospital, municipality));
  });

  after(async () => {
    for (const [i, store] of [
      [hospital, hospitalStore],
      [municipality, municipalityStore],
    ] as const) {
      if (i && !stopped.has(i)) {
        await stop(i, store);
      }
    }
    await hospitalStore.cleanup();
    await municipalityStore.cleanup();
  });

  void it('delivers and AppRecs every message once; a stopped partner gets the rest when it is back', async () => {
    // Admission: the hospital tells home nursing, home nursing sends its admission report.
    const innlagt = await send(hospital, hospitalHandler, message('LOG_INNLAGT', SOMATIC, NURSING));
    const innleggelsesrapport = await send(
      municipality,
      municipalityHandler,
      message('INNLEGGELSESRAPPORT', NURSING, SOMATIC),
    );
    // The hospital informs the allocation office and says when the patient is ready for discharge.
    const helseopplysninger = await send(hospital, hospitalHandler, message('HELSEOPPL_SOKNAD', SOMATIC, ALLOCATION));
    const utskrivningsklar = await send(
      hospital,
      hospitalHandler,
      message('LOG_UTSKRIVNINGSKLAR', SOMATIC, ALLOCATION),
    );
    // A question from the hospital, answered by the allocation office in the same conversation.
    const question = await send(hospital, hospitalHandler, message('DIALOG_FORESPORSEL', SOMATIC, ALLOCATION));
    await waitFor('the question at the municipality', async () => {
      const rows = await q(municipality, "SELECT 1 FROM plo_messages WHERE direction = 'in' AND msg_id = $1", [
        question.msgId,
      ]);
      return rows.length === 1;
    });
    const answer = await send(
      municipality,
      municipalityHandler,
      message('DIALOG_SVAR', ALLOCATION, SOMATIC, { conversationRef: followUpOf({ msgId: question.msgId }) }),
    );
    await settled(hospital, [innlagt.id, helseopplysninger.id, utskrivningsklar.id, question.id]);
    await settled(municipality, [innleggelsesrapport.id, answer.id]);

    // The municipality's instance goes down (its store stays); the hospital sends the discharge.
    await stop(municipality, municipalityStore);
    stopped.add(municipality);
    const utskrevet = await send(hospital, hospitalHandler, message('LOG_UTSKREVET', SOMATIC, NURSING));
    const utskrivningsrapport = await send(hospital, hospitalHandler, message('UTSKRIVNINGSRAPPORT', SOMATIC, NURSING));
    const waiting = [utskrevet.id, utskrivningsrapport.id];
    await waitFor('two failed attempts each, waiting for a retry', async () => {
      const rows = await q<{ tries: number }>(
        hospital,
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS tries FROM plo_message_events
          WHERE message_id = ANY($1::uuid[]) GROUP BY message_id`,
        [waiting],
      );
      return rows.length === 2 && rows.every((r) => r.tries >= 2);
    });
    for (const id of waiting) {
      assert.notEqual(await statusOf(hospital, id), 'failed', 'waiting, not failed');
      assert.ok(['queued', 'sent'].includes((await statusOf(hospital, id))!));
      const [job] = await q<{ state: string; last_error: string }>(
        hospital,
        "SELECT state, last_error FROM jobs WHERE kind = 'plo.message.send' AND payload->>'messageId' = $1",
        [id],
      );
      assert.ok(['ready', 'running'].includes(job!.state), job!.state);
      assert.match(job!.last_error, /network error/);
    }

    // Back on the same store and port: everything arrives, once.
    municipality = await start('municipality', municipalityStore, municipality.port);
    stopped.delete(municipality);
    await settled(hospital, waiting);

    const chain = [
      { from: hospital, to: () => municipality, sent: innlagt, type: 'LOG_INNLAGT', service: '9900002001' },
      {
        from: municipality,
        to: () => hospital,
        sent: innleggelsesrapport,
        type: 'INNLEGGELSESRAPPORT',
        service: '9900001001',
      },
      {
        from: hospital,
        to: () => municipality,
        sent: helseopplysninger,
        type: 'HELSEOPPL_SOKNAD',
        service: '9900002002',
      },
      {
        from: hospital,
        to: () => municipality,
        sent: utskrivningsklar,
        type: 'LOG_UTSKRIVNINGSKLAR',
        service: '9900002002',
      },
      { from: hospital, to: () => municipality, sent: question, type: 'DIALOG_FORESPORSEL', service: '9900002002' },
      { from: municipality, to: () => hospital, sent: answer, type: 'DIALOG_SVAR', service: '9900001001' },
      { from: hospital, to: () => municipality, sent: utskrevet, type: 'LOG_UTSKREVET', service: '9900002001' },
      {
        from: hospital,
        to: () => municipality,
        sent: utskrivningsrapport,
        type: 'UTSKRIVNINGSRAPPORT',
        service: '9900002001',
      },
    ];
    for (const c of chain) {
      // The sender's instance object changed for the municipality after the restart; read it afresh.
      const from = c.from === hospital ? hospital : municipality;
      const to = c.to();
      const out = await q<{ id: string; status: string; msg_type: string }>(
        from,
        "SELECT id, status, msg_type FROM plo_messages WHERE direction = 'out' AND msg_id = $1",
        [c.sent.msgId],
      );
      assert.deepEqual(
        out.map((r) => [r.msg_type, r.status]),
        [[c.type, 'apprec_ok']],
        `${c.type}: one outgoing row, AppRec OK`,
      );
      const events = (
        await q<{ status: string }>(from, 'SELECT status FROM plo_message_events WHERE message_id = $1 ORDER BY id', [
          c.sent.id,
        ])
      ).map((e) => e.status);
      assert.equal(events[0], 'queued', c.type);
      assert.ok(events.includes('sent'), c.type);
      assert.equal(events.at(-1), 'apprec_ok', `${c.type}: ${events.join(' → ')}`);
      assert.equal(events.filter((e) => e === 'apprec_ok').length, 1);
      const appRecs = await q<{ status: string }>(
        from,
        "SELECT status FROM plo_apprecs WHERE direction = 'in' AND message_id = $1",
        [c.sent.id],
      );
      assert.deepEqual(
        appRecs.map((a) => a.status),
        ['1'],
        `${c.type}: exactly one AppRec, OK`,
      );
      const received = await q<{ id: string; status: string }>(
        to,
        "SELECT id, status FROM plo_messages WHERE direction = 'in' AND msg_id = $1",
        [c.sent.msgId],
      );
      assert.deepEqual(
        received.map((r) => r.status),
        ['accepted'],
        `${c.type}: exactly once in the receiver's store`,
      );
      const inbox = await q<{ her_id: string }>(
        to,
        'SELECT p.her_id FROM plo_inbox i JOIN plo_parties p ON p.id = i.party_id WHERE i.message_id = $1',
        [received[0]!.id],
      );
      assert.deepEqual(
        inbox.map((r) => r.her_id),
        [c.service],
        `${c.type}: once in the receiving service's inbox`,
      );
      // The sender may have stored the AppRec before the receiver's job recorded the sender's 2xx.
      const answered = await waitFor(`${c.type}: the receiver's AppRec marked delivered`, async () => {
        const rows: Array<{ delivery: string }> = await q<{ delivery: string }>(
          to,
          "SELECT delivery FROM plo_apprecs WHERE direction = 'out' AND message_id = $1",
          [received[0]!.id],
        );
        return rows.every((r) => r.delivery === 'delivered') ? rows : undefined;
      });
      assert.deepEqual(
        answered?.map((a) => a.delivery),
        ['delivered'],
        `${c.type}: exactly one AppRec sent back`,
      );
    }
    // Nothing else arrived, nothing twice: six messages at the municipality, two at the hospital.
    const count = async (i: Instance, sql: string) => Number((await q<{ n: number }>(i, sql))[0]!.n);
    assert.equal(await count(municipality, "SELECT count(*) AS n FROM plo_messages WHERE direction = 'in'"), 6);
    assert.equal(await count(hospital, "SELECT count(*) AS n FROM plo_messages WHERE direction = 'in'"), 2);
    assert.equal(
      await count(municipality, "SELECT count(DISTINCT msg_id) AS n FROM plo_messages WHERE direction = 'in'"),
      6,
    );
    const [svar] = await q<{ conversation_parent: string; conversation_root: string }>(
      hospital,
      "SELECT conversation_parent, conversation_root FROM plo_messages WHERE direction = 'in' AND msg_id = $1",
      [answer.msgId],
    );
    assert.deepEqual([svar!.conversation_parent, svar!.conversation_root], [question.msgId, question.msgId]);

    // Both message consoles show the chain (modules/plo/console).
    const idsIn = async (i: Instance, msgIds: string[]) =>
      (
        await q<{ id: string }>(i, "SELECT id FROM plo_messages WHERE direction = 'in' AND msg_id = ANY($1::text[])", [
          msgIds,
        ])
      ).map((r) => r.id);
    const box = async (i: Instance, who: LoggedIn, herId: string, which: 'inbox' | 'outbox') =>
      (await get<PloConsoleListResponse>(i, who, `/api/plo/console/services/${herId}/${which}?limit=50`)).items;
    const services = await get<PloConsoleServicesResponse>(
      municipality,
      municipalityHandler,
      '/api/plo/console/services',
    );
    assert.ok(['9900002001', '9900002002'].every((h) => services.services.some((s) => s.herId === h)));
    const nursingInbox = await box(municipality, municipalityHandler, '9900002001', 'inbox');
    assert.deepEqual(
      nursingInbox.map((m) => m.id).sort(),
      (await idsIn(municipality, [innlagt.msgId, utskrevet.msgId, utskrivningsrapport.msgId])).sort(),
    );
    const allocationInbox = await box(municipality, municipalityHandler, '9900002002', 'inbox');
    assert.deepEqual(
      allocationInbox.map((m) => m.id).sort(),
      (await idsIn(municipality, [helseopplysninger.msgId, utskrivningsklar.msgId, question.msgId])).sort(),
    );
    const allocationOutbox = await box(municipality, municipalityHandler, '9900002002', 'outbox');
    assert.deepEqual(
      allocationOutbox.map((m) => [m.id, m.status]),
      [[answer.id, 'apprec_ok']],
    );
    const hospitalInbox = await box(hospital, hospitalHandler, '9900001001', 'inbox');
    assert.deepEqual(
      hospitalInbox.map((m) => m.id).sort(),
      (await idsIn(hospital, [innleggelsesrapport.msgId, answer.msgId])).sort(),
    );
    const hospitalOutbox = await box(hospital, hospitalHandler, '9900001001', 'outbox');
    assert.deepEqual(
      hospitalOutbox.map((m) => m.id).sort(),
      [innlagt, helseopplysninger, utskrivningsklar, question, utskrevet, utskrivningsrapport].map((m) => m.id).sort(),
    );
    assert.ok(hospitalOutbox.every((m) => m.status === 'apprec_ok'));
  });
});
