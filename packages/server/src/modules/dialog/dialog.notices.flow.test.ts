import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConversationResponse, JobsResponse } from '@helsebro/contracts';
import { makeDialogWorld, startDialogApp, type DialogTestApp } from './testing/dialog-world.ts';

/** Mail bodies are quoted-printable: decode before looking for words. */
const decoded = (m: string) =>
  Buffer.from(
    m.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

void describe("dialog notices: the unit's alert e-mail, and a notice the mail server refuses", () => {
  let d: DialogTestApp;
  before(async () => {
    d = await startDialogApp();
  });
  after(async () => {
    await d.close();
  });

  void it("alerts the unit's functional address by e-mail when the unit asked for it, without the message", async () => {
    const { send, homeCare, perLogin, municipalityId, unitAddress, ...w } = await makeDialogWorld(d);
    const pendingAlerts = async () =>
      (
        await d.t.database.query(
          "SELECT 1 FROM jobs WHERE kind = 'notifications.unit_alert' AND state <> 'done' AND municipality_id = $1",
          [municipalityId],
        )
      ).length === 0;
    const toUnit = () => w.mailsTo(unitAddress).map((m) => decoded(m.raw));
    // A message while alerts are off: its alert runs and sends nothing.
    await w.startConversation();
    await w.drainOutbox(pendingAlerts);
    await d.t.database.query('UPDATE service_units SET functional_email = $2, alert_by_email = true WHERE id = $1', [
      homeCare.id,
      unitAddress,
    ]);
    const started = await send('/api/dialog/conversations', perLogin, {
      serviceUnitId: homeCare.id,
      subject: 'Sårskiftet',
      text: 'Såret væsker mer i dag.',
    });
    assert.equal(started.statusCode, 201, started.body);
    await w.drainOutbox(async () => toUnit().length === 1 && (await pendingAlerts()));
    const [notice] = await d.t.database.query<{ state: string; person_id: string | null }>(
      'SELECT state, person_id FROM notification_notices WHERE service_unit_id = $1',
      [homeCare.id],
    );
    assert.deepEqual(notice, { state: 'sent', person_id: null });
    const mail = toUnit()[0]!;
    assert.match(mail, /Enheten har fått en ny melding fra en innbygger/);
    for (const secret of ['Sårskiftet', 'væsker', 'Per', 'Hansen']) {
      assert.ok(!mail.includes(secret), `the alert does not carry ${secret}`);
    }

    // A unit that turns alerts off gets none for the next message; the citizen's message is stored as always.
    await d.t.database.query('UPDATE service_units SET alert_by_email = false WHERE id = $1', [homeCare.id]);
    const id = started.json<ConversationResponse>().conversation.id;
    const again = await send(`/api/dialog/conversations/${id}/messages`, perLogin, { text: 'Og nå blør det litt.' });
    assert.equal(again.statusCode, 201, again.body);
    await w.drainOutbox(pendingAlerts);
    const unitNotices = await d.t.database.query('SELECT 1 FROM notification_notices WHERE service_unit_id = $1', [
      homeCare.id,
    ]);
    assert.equal(unitNotices.length, 1);
    assert.equal(toUnit().length, 1);
  });

  void it('a failing SMTP server: the notice is retried, then dead and visible to the operator; the message is safe', async () => {
    const { get, send, perLogin, nurse, operator, municipalityId, address, ...w } = await makeDialogWorld(d);
    const delivered = w.mailsTo(address).length;
    d.failFor.add(address);
    const id = await w.startConversation({ subject: 'Ny', text: 'Hei' });
    const replied = await send(`/api/staff/dialog/conversations/${id}/messages`, nurse, { text: 'Svar' });
    assert.equal(replied.statusCode, 201);
    const deadSends = () =>
      d.t.database.query<{ id: string; attempts: number }>(
        "SELECT id, attempts FROM jobs WHERE kind = 'notifications.send' AND state = 'dead' AND municipality_id = $1",
        [municipalityId],
      );
    await w.drainOutbox(async () => {
      const rows = await deadSends();
      return rows.length === 1 && rows[0]!.attempts > 1;
    });
    const [deadJob] = await deadSends();
    const jobs = await get('/api/operator/jobs?state=dead', operator);
    const dead = jobs.json<JobsResponse>().jobs.find((j) => String(j.id) === String(deadJob!.id));
    assert.ok(dead);
    assert.equal(dead.kind, 'notifications.send');
    assert.match(dead.lastError ?? '', /Mailbox unavailable|451/);
    const view = await get(`/api/dialog/conversations/${id}`, perLogin);
    assert.equal(view.json<ConversationResponse>().messages[1]!.text, 'Svar');
    assert.equal(w.mailsTo(address).length, delivered, 'nothing more delivered');
  });
});
