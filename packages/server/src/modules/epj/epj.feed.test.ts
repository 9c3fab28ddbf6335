import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EpjEventsResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { movableClock } from '../../../test/clock.ts';
import { citizenSend, epjCaller, makeEpjMunicipality } from '../../../test/epj-dialog.ts';

/** The event feed (GET /epj/v1/events) read by an EPJ over HTTP; the events come from the citizen dialog. */
void describe('EPJ API: the event feed', () => {
  let t: TestApp;
  const clock = movableClock(new Date());

  before(async () => {
    t = await buildTestApp({}, { listen: true, clock });
  });
  after(async () => {
    await t.close();
  });

  void it('pages through the feed with an opaque cursor, in order, without gaps or repeats', async () => {
    const m = await makeEpjMunicipality(t);
    const caller = epjCaller(t);
    const epj = (url: string) => caller.call(m.client, 'GET', url);
    const start = ((await epj('/events?limit=500')).json as EpjEventsResponse).cursor;
    const conv = await citizenSend(t, m.citizenLogin, '/api/dialog/conversations', {
      serviceUnitId: m.unit.id,
      subject: 'Flere spørsmål',
      text: 'Første',
    });
    for (const text of ['Andre', 'Tredje', 'Fjerde', 'Femte']) {
      clock.advance(1000);
      await citizenSend(t, m.citizenLogin, `/api/dialog/conversations/${conv.conversation.id}/messages`, { text });
    }
    const seen: string[] = [];
    let cursor = start;
    let pages = 0;
    for (;;) {
      const page = (await epj(`/events?limit=2&after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse;
      pages++;
      seen.push(...page.events.map((e) => `${e.kind}:${e.refs['messageId']}`));
      assert.ok(page.events.length <= 2);
      cursor = page.cursor;
      if (!page.hasMore) {
        break;
      }
    }
    const messageIds = (
      await t.database.query<{ id: string }>(
        'SELECT id FROM dialog_messages WHERE conversation_id = $1 ORDER BY created_at, id',
        [conv.conversation.id],
      )
    ).map((r) => r.id);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [
      `conversation.created:${messageIds[0]}`,
      ...messageIds.slice(1).map((id) => `message.created:${id}`),
    ]);
    // Nothing new: the same cursor comes back. An event's own cursor resumes right after it.
    const idle = (await epj(`/events?after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse;
    assert.deepEqual(idle, { events: [], cursor, hasMore: false });
    const fromSecond = (await epj(`/events?limit=2&after=${encodeURIComponent(start)}`)).json as EpjEventsResponse;
    const resumed = (await epj(`/events?limit=1&after=${encodeURIComponent(fromSecond.events[0]!.cursor)}`))
      .json as EpjEventsResponse;
    assert.equal(resumed.events[0]!.refs['messageId'], messageIds[1]);

    for (const bad of ['garbage', Buffer.from('v1.-1').toString('base64url'), 'x'.repeat(101)]) {
      const res = await epj(`/events?after=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, bad);
      assert.match(res.type, /application\/problem\+json/);
    }
    const res = await epj(`/events?after=${encodeURIComponent('garbage')}`);
    assert.equal((res.json as { code: string }).code, 'invalid_cursor');
    assert.equal((await epj('/events?limit=0')).status, 400);
  });
});
