import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { EdiReceipt } from '@helsebro/contracts';
import { createTestDatabase, usingPostgres } from '../../../../test/test-db.ts';
import { buildMessage } from '../msghead/message.build.ts';
import { BIG_MESSAGE_BYTES, bigMessage, latencySummary, probeHealth, withFreshMsgId } from '../testing/big-message.ts';
import { buildPloTestApp, type PloTestApp } from '../testing/plo-test-app.ts';
import { DEMO_HOSPITAL_SOMATIC, sampleMessage } from '../testing/sample-messages.ts';
import { RAW_PART_BYTES, readRaw } from './raw-parts.ts';

/**
 * What a loaded 2-core machine must still meet. The acceptance figure is 100 ms on an otherwise idle machine; the
 * measured maximum is printed, and `npm run bench:big-message` gives it with the latency without load beside it.
 */
const HEALTH_BOUND_MS = 250;

void describe(`a ${BIG_MESSAGE_BYTES.toLocaleString('en-US')}-byte PLO message (issue 10)`, () => {
  let t: PloTestApp;
  let base: string;
  let token: string;
  const message = bigMessage();
  const count = async (sql: string, params: unknown[]) =>
    Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);

  before(async () => {
    // PGlite on disk, as `npm start` runs it (in memory, every extension of a file copies it; see test-db.ts).
    t = await buildPloTestApp({}, { listen: true, database: await createTestDatabase({ onDisk: true }) });
    base = t.config.publicUrl;
    token = t.tokens[DEMO_HOSPITAL_SOMATIC.organisation.herId]!;
  });
  after(async () => {
    await t.close();
  });

  void it('is taken in, stored whole and acknowledged while /health keeps answering', async () => {
    assert.ok(Math.abs(message.xml.length - BIG_MESSAGE_BYTES) < 2_000, `built ${message.xml.length} bytes`);
    const r = await probeHealth(base, token, [[message.xml]]);
    const during = latencySummary(r.during);
    console.log(
      `big message on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}: ${message.xml.length} bytes answered ` +
        `${r.posts[0]!.status} in ${Math.round(r.posts[0]!.ms)} ms; /health meanwhile: max ${during.max.toFixed(1)} ms, ` +
        `p50 ${during.p50.toFixed(1)} ms (${during.n} requests); alone: max ${latencySummary(r.baseline).max.toFixed(1)} ms`,
    );

    assert.equal(r.posts[0]!.status, 202, r.posts[0]!.body);
    const receipt = JSON.parse(r.posts[0]!.body) as EdiReceipt;
    assert.deepEqual(
      [receipt.outcome, receipt.msgId, receipt.appRecs.map((a) => [a.status, a.errors])],
      ['accepted', message.msgId, [['1', []]]],
    );
    assert.ok(during.n >= 10, `/health was asked ${during.n} times while the message was received`);
    assert.ok(
      r.healthStatuses.every((s) => s === 200),
      'every /health answered 200',
    );
    assert.ok(during.max < HEALTH_BOUND_MS, `the slowest /health took ${during.max.toFixed(1)} ms`);

    const id = receipt.messageId;
    const [m] = await t.database.query<{ status: string; msg_type: string; raw_sha256: string; head: number }>(
      'SELECT status, msg_type, raw_sha256, octet_length(raw) AS head FROM plo_messages WHERE id = $1',
      [id],
    );
    assert.deepEqual(
      [m?.status, m?.msg_type, m?.raw_sha256, Number(m?.head)],
      ['accepted', 'DIALOG_HELSEFAGLIG', createHash('sha256').update(message.xml).digest('hex'), RAW_PART_BYTES],
    );
    const parts = await t.database.query<{ seq: number; n: number }>(
      'SELECT seq, octet_length(bytes) AS n FROM plo_message_parts WHERE message_id = $1 ORDER BY seq',
      [id],
    );
    assert.deepEqual(
      parts.map((p) => Number(p.seq)),
      Array.from({ length: Math.ceil(message.xml.length / RAW_PART_BYTES) - 1 }, (_, i) => i + 1),
    );
    assert.ok(
      parts.every((p) => Number(p.n) <= RAW_PART_BYTES),
      'no statement wrote more than one part',
    );
    assert.ok((await readRaw(t.database.db, id))?.equals(message.xml), 'stored byte for byte');

    const outgoing = "message_id = $1 AND direction = 'out' AND status = '1' AND delivery = 'queued'";
    assert.equal(await count(`SELECT count(*) AS n FROM plo_apprecs WHERE ${outgoing}`, [id]), 1);
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM jobs j JOIN plo_apprecs a ON a.id::text = j.payload->>'appRecRowId'
          WHERE a.message_id = $1 AND j.kind = 'plo.apprec.send'`,
        [id],
      ),
      1,
    );
    assert.equal(await count('SELECT count(*) AS n FROM plo_inbox WHERE message_id = $1', [id]), 1);
    assert.equal(
      await count("SELECT count(*) AS n FROM audit_log WHERE action = 'plo_message.receive' AND resource_id = $1", [
        id,
      ]),
      1,
    );
  });

  void it('is refused 400 when it is not well-formed, and kept whole for inspection', async () => {
    const cut = withFreshMsgId(message).xml.subarray(0, message.xml.length - 200);
    const r = await probeHealth(base, token, [[cut]], 50);
    assert.equal(r.posts[0]!.status, 400, r.posts[0]!.body);
    assert.equal((JSON.parse(r.posts[0]!.body) as { code: string }).code, 'xml_not_well_formed');
    const [kept] = await t.database.query<{ id: string; problems: Array<{ code: string }> }>(
      "SELECT id, problems FROM plo_messages WHERE status = 'unreadable' AND raw_sha256 = $1",
      [createHash('sha256').update(cut).digest('hex')],
    );
    assert.equal(kept?.problems[0]?.code, 'xml_not_well_formed');
    assert.ok((await readRaw(t.database.db, kept.id))?.equals(cut), 'kept byte for byte');
    const during = latencySummary(r.during);
    assert.ok(during.max < HEALTH_BOUND_MS, `the slowest /health took ${during.max.toFixed(1)} ms`);
  });

  void it('is answered as a duplicate when sent again, and nothing more is stored', async () => {
    const partsBefore = await count('SELECT count(*) AS n FROM plo_message_parts', []);
    const r = await probeHealth(base, token, [[message.xml]]);
    assert.equal(r.posts[0]!.status, 200, r.posts[0]!.body);
    assert.equal((JSON.parse(r.posts[0]!.body) as EdiReceipt).outcome, 'duplicate');
    const stored = "direction = 'in' AND msg_id = $1 AND sender_her_id = $2";
    assert.equal(
      await count(`SELECT count(*) AS n FROM plo_messages WHERE ${stored}`, [
        message.msgId,
        DEMO_HOSPITAL_SOMATIC.organisation.herId,
      ]),
      1,
    );
    assert.equal(await count('SELECT count(*) AS n FROM plo_message_parts', []), partsBefore);
    const during = latencySummary(r.during);
    assert.ok(during.max < HEALTH_BOUND_MS, `the slowest /health took ${during.max.toFixed(1)} ms`);
  });
});

void describe('a big PLO message whose XML check does not finish in time', () => {
  let t: PloTestApp;
  after(async () => {
    await t.close();
  });

  void it('is answered 503 with Retry-After, kept for inspection, and the server goes on', async () => {
    // 100 ms: a fresh XML thread cannot even start in that time, let alone validate 7.9 MB.
    t = await buildPloTestApp({ XML_WORKER_TIMEOUT_MS: '100' });
    const message = bigMessage();
    const res = await t.post(message.xml, DEMO_HOSPITAL_SOMATIC.organisation.herId);
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.headers['retry-after'], '60');
    assert.equal(res.json<{ code: string }>().code, 'xml_check_timeout');
    const [kept] = await t.database.query<{ id: string; status: string; problems: Array<{ code: string }> }>(
      'SELECT id, status, problems FROM plo_messages WHERE raw_sha256 = $1',
      [createHash('sha256').update(message.xml).digest('hex')],
    );
    assert.deepEqual([kept?.status, kept?.problems[0]?.code], ['unreadable', 'xml_check_timeout']);
    assert.ok((await readRaw(t.database.db, kept!.id))?.equals(message.xml), 'kept byte for byte');
    const small = buildMessage(sampleMessage('LOG_INNLAGT'));
    const next = await t.post(small.xml, DEMO_HOSPITAL_SOMATIC.organisation.herId);
    assert.equal(next.statusCode, 202, 'a small message is still checked, inline');
  });
});
