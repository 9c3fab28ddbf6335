import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PrintListResponse, ProblemResponse, StaffLetter, StaffLettersResponse } from '@helsebro/contracts';
import type { TestApp } from '../../../test/test-app.ts';
import { EXE, PDF, makeLettersWorld, startLettersApp, type Mail } from './testing/letters-world.ts';

const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString();
};

/**
 * Sending a letter (issue 13, B1): every channel rule against the development KRR stand-in, the feature gate (data
 * processing agreement, letters active), the PDF check, the unit's and the municipality's boundaries, and the
 * store and audit log after each.
 */
void describe('letters: a unit sends, the channel is decided against KRR and recorded with its reason', () => {
  let t: TestApp;
  let mails: Mail[];
  let close: () => Promise<void>;
  before(async () => {
    ({ t, mails, close } = await startLettersApp());
  });
  after(async () => close());

  const row = async (id: string) =>
    (
      await t.database.query<{ channel: string; channel_reason: string; channel_details: { readers: unknown[] } }>(
        'SELECT channel, channel_reason, channel_details FROM letters WHERE id = $1',
        [id],
      )
    )[0]!;
  const noticeJobs = async (id: string) =>
    (
      await t.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification_notices WHERE event_key = $1`,
        [`letter:${id}`],
      )
    )[0]!.n;

  void it('portal: used Helsebro, not reserved, valid contact details → Helsebro, and a notice that says only who sent it', async () => {
    const w = await makeLettersWorld(t, { name: 'Fjordvik kommune' });
    const kari = await w.citizen(70);
    const login = await w.login(kari);
    const prefs = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: login.headers,
      payload: { channel: 'email', level: 'limited', language: 'nb' },
    });
    assert.equal(prefs.statusCode, 200, prefs.body);

    const letter = await w.sent(kari, { title: 'Vedtak om hjemmesykepleie – diagnose K86' });
    assert.equal(letter.channel, 'portal');
    assert.equal(letter.channelReason, 'portal_active');
    assert.equal(letter.recipient.personId, kari.id);
    assert.equal(letter.sentBy, 'Siri Sykepleier');
    const stored = await row(letter.id);
    assert.deepEqual(stored.channel_details.readers, [{ personId: kari.id, basis: 'self', outcome: 'ok' }]);
    assert.ok(!JSON.stringify(stored.channel_details).includes('@'), 'no address is kept');
    assert.equal(await noticeJobs(letter.id), 1);

    const address = `${kari.givenName}.${kari.familyName}.${kari.nin.slice(-3)}@example.com`
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a');
    await w.drainOutbox(() => mails.some((m) => m.to.includes(address)));
    const mail = mails.find((m) => m.to.includes(address))!.raw.replace(/=\r?\n/g, '');
    assert.match(mail, /Du har f=C3=A5tt brev fra Fjordvik kommune|Du har fått brev fra Fjordvik kommune/);
    assert.doesNotMatch(mail, /Vedtak|K86|hjemmesykepleie|Hjemmesykepleien|Siri/i, 'nothing of the letter');
    const report = await w.get(`/api/staff/letters/units/${w.unit.id}/letters`, w.nurse);
    const sent = report.json<StaffLettersResponse>().letters.find((l) => l.id === letter.id)!;
    assert.ok(sent.notifiedAt, 'the delivery report shows the notice sent');
    const [audit] = await t.database.query<{ subject_person_id: string; details: { channel: string } }>(
      `SELECT subject_person_id, details FROM audit_log WHERE action = 'letter.send' AND resource_type = 'letter'
        AND subject_person_id = $1`,
      [kari.id],
    );
    assert.equal(audit?.details.channel, 'portal');
  });

  void it('print: reserved in KRR, even though the citizen uses Helsebro; the print list shows the address', async () => {
    const w = await makeLettersWorld(t);
    const ola = await w.citizen(60);
    await w.login(ola);
    await w.krr(ola, { reservasjon: 'JA', reservasjonstidspunkt: '2024-05-01T10:00:00Z' });
    const letter = await w.sent(ola);
    assert.deepEqual([letter.channel, letter.channelReason], ['print', 'krr_reserved']);
    assert.equal(await noticeJobs(letter.id), 0, 'no notice to a reserved citizen');

    const list = (await w.get(`/api/staff/letters/units/${w.unit.id}/print-list`, w.nurse)).json<PrintListResponse>();
    const queued = list.letters.find((l) => l.id === letter.id)!;
    assert.deepEqual(queued.address, {
      name: `${ola.givenName} ${ola.familyName}`,
      streetAddress: ola.streetAddress,
      postalCode: ola.postalCode,
      postalPlace: ola.postalPlace,
    });
    const printed = await w.post(`/api/staff/letters/${letter.id}/printed`, w.nurse);
    assert.equal(printed.statusCode, 200, printed.body);
    assert.ok(printed.json<StaffLetter>().printedAt);
    const again = await w.post(`/api/staff/letters/${letter.id}/printed`, w.nurse);
    assert.equal(again.json<ProblemResponse>().code, 'letter_not_queued_for_print');
    const after = (await w.get(`/api/staff/letters/units/${w.unit.id}/print-list`, w.nurse)).json<PrintListResponse>();
    assert.equal(
      after.letters.some((l) => l.id === letter.id),
      false,
    );
  });

  void it('print: contact details neither updated nor confirmed in 18 months; one valid channel is enough', async () => {
    const w = await makeLettersWorld(t);
    const old = await w.citizen(80);
    await w.login(old);
    const stale = {
      epostadresse: 'gammel@example.com',
      epostadresse_oppdatert: monthsAgo(19),
      mobiltelefonnummer: '+4791000001',
      mobiltelefonnummer_oppdatert: monthsAgo(24),
      mobiltelefonnummer_sist_verifisert: monthsAgo(19),
    };
    await w.krr(old, { kontaktinformasjon: stale });
    const expired = await w.sent(old);
    assert.deepEqual([expired.channel, expired.channelReason], ['print', 'krr_contact_expired']);

    // The mobile number confirmed 17 months ago: the notice goes by SMS, although the citizen prefers e-mail.
    await w.krr(old, { kontaktinformasjon: { ...stale, mobiltelefonnummer_sist_verifisert: monthsAgo(17) } });
    const fresh = await w.sent(old);
    assert.deepEqual([fresh.channel, fresh.channelReason], ['portal', 'portal_active']);
    const [notice] = await t.database.query<{ channel: string }>(
      'SELECT channel FROM notification_notices WHERE event_key = $1',
      [`letter:${fresh.id}`],
    );
    assert.equal(notice?.channel, 'sms');
  });

  void it('print: never used Helsebro, not in KRR, no contact details', async () => {
    const w = await makeLettersWorld(t);
    const never = await w.citizen(45);
    const a = await w.sent(never);
    assert.deepEqual([a.channel, a.channelReason], ['print', 'portal_never_used']);

    const unknown = await w.citizen(46);
    await w.login(unknown);
    await w.krr(unknown, { status: 'IKKE_REGISTRERT', kontaktinformasjon: {} });
    const b = await w.sent(unknown);
    assert.deepEqual([b.channel, b.channelReason], ['print', 'krr_not_registered']);

    const bare = await w.citizen(47);
    await w.login(bare);
    await w.krr(bare, { kontaktinformasjon: {} });
    const c = await w.sent(bare);
    assert.deepEqual([c.channel, c.channelReason], ['print', 'krr_no_contact']);
  });

  void it("a child's letter follows the parents: under 12 a parent on Helsebro gets it and the notice", async () => {
    const w = await makeLettersWorld(t);
    const db = t.app.platform.db;
    const { makeParentalResponsibility } = await import('../../../test/factories.ts');
    const mother = await w.citizen(38, { care: false });
    const child = await w.citizen(10, { home: mother });
    await makeParentalResponsibility(db, child.id, mother.id);
    await w.login(mother);
    const letter = await w.sent(child);
    assert.deepEqual([letter.channel, letter.channelReason], ['portal', 'portal_active']);
    const stored = await row(letter.id);
    assert.deepEqual(stored.channel_details.readers, [
      { personId: child.id, basis: 'self', outcome: 'portal_never_used' },
      { personId: mother.id, basis: 'parent', outcome: 'ok' },
    ]);
    const [notice] = await t.database.query<{ person_id: string }>(
      'SELECT person_id FROM notification_notices WHERE event_key = $1',
      [`letter:${letter.id}`],
    );
    assert.equal(notice?.person_id, mother.id, 'the parent is notified, not the child');

    // From 12 the parents may not read the child's letters (docs/representation.md), so they decide nothing.
    const teen = await w.citizen(13, { home: mother });
    await makeParentalResponsibility(db, teen.id, mother.id);
    const teenLetter = await w.sent(teen);
    assert.deepEqual([teenLetter.channel, teenLetter.channelReason], ['print', 'portal_never_used']);
  });

  void it('the gate: no data processing agreement (409 dpa_missing), letters not active (409 service_not_active)', async () => {
    const noDpa = await makeLettersWorld(t, { dpa: false });
    const p = await noDpa.citizen(50);
    const refused = await noDpa.send(p);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json<ProblemResponse>().code, 'dpa_missing');
    assert.equal(await noDpa.count(), 0);
    const units = (await noDpa.get('/api/staff/letters/units', noDpa.nurse)).json<{ refusal: string | null }>();
    assert.equal(units.refusal, 'dpa_missing');

    const inactive = await makeLettersWorld(t, { services: ['dialog'] });
    const q = await inactive.citizen(50);
    const off = await inactive.send(q);
    assert.equal(off.statusCode, 409);
    assert.equal(off.json<ProblemResponse>().code, 'service_not_active');
    assert.equal(await inactive.count(), 0);

    const open = await makeLettersWorld(t);
    const u = (await open.get('/api/staff/letters/units', open.nurse)).json<{ refusal: string | null }>();
    assert.equal(u.refusal, null);
  });

  void it('the PDF is checked from its bytes, its size is limited, and a refused letter leaves nothing', async () => {
    const w = await makeLettersWorld(t);
    const p = await w.citizen(50);
    const exe = await w.send(p, { files: [{ name: 'vedtak.pdf', type: 'application/pdf', bytes: EXE }] });
    assert.equal(exe.statusCode, 400);
    assert.equal(exe.json<ProblemResponse>().code, 'letter_not_pdf');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const tooBig = await w.send(p, { files: [{ name: 'stor.pdf', type: 'application/pdf', bytes: big }] });
    assert.equal(tooBig.statusCode, 413);
    const none = await w.send(p, { files: [] });
    assert.equal(none.json<ProblemResponse>().code, 'letter_file_missing');
    const noTitle = await w.send(p, { title: '   ' });
    assert.equal(noTitle.statusCode, 400);
    assert.deepEqual(
      noTitle.json<ProblemResponse>().errors?.map((e) => e.path),
      ['title'],
    );
    assert.equal(await w.count(), 0);
    // The same letter as a PDF named .txt is a PDF.
    const named = await w.sent(p, { files: [{ name: 'vedtak.txt', type: 'text/plain', bytes: PDF }] });
    assert.equal(named.channel, 'print');
    assert.equal(await w.count(), 1);
  });

  void it("the unit's boundaries: a citizen the unit does not serve, another unit, another municipality", async () => {
    const w = await makeLettersWorld(t);
    const other = await makeLettersWorld(t);
    const stranger = await w.citizen(50, { care: false });
    const noRelation = await w.send(stranger);
    assert.equal(noRelation.statusCode, 422);
    assert.equal(noRelation.json<ProblemResponse>().code, 'no_care_relation');

    const p = await w.citizen(50);
    // Another municipality's nurse, with this unit's id: the unit is not found in her municipality.
    const foreign = await w.send(p, { who: other.nurse });
    assert.equal(foreign.statusCode, 404);
    const letter = await w.sent(p);
    for (const url of [`/api/staff/letters/${letter.id}/document`, `/api/staff/letters/units/${w.unit.id}/letters`]) {
      const res = await w.get(url, other.nurse);
      assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
    }
    assert.equal((await w.post(`/api/staff/letters/${letter.id}/printed`, other.nurse)).statusCode, 404);
    // Her own unit's report lists only her own letters.
    const own = (
      await other.get(`/api/staff/letters/units/${other.unit.id}/letters`, other.nurse)
    ).json<StaffLettersResponse>();
    assert.equal(own.total, 0);
    const pdf = await w.get(`/api/staff/letters/${letter.id}/document`, w.nurse);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal(await w.count(), 1);
  });
});
