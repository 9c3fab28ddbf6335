import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPOINTMENT_ROUTES as R, type CitizenAppointmentsResponse, type ProblemResponse } from '@helsebro/contracts';
import {
  makeAppointmentsWorld,
  path,
  useAppointmentsApp,
  type AppointmentsWorld,
} from './testing/appointments-world.ts';

/** A home visit to Per planned by the nurse; its id. */
async function visitToPer(w: AppointmentsWorld, localDate: string, localTime: string, location?: string) {
  const created = await w.send('POST', path(R.staff.create, { unitId: w.units.homeCare.id }), w.logins.nurse, {
    personId: w.people.per.id,
    typeId: w.types.visit,
    localDate,
    localTime,
    ...(location ? { location } : {}),
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json<{ id: string }>().id;
}

/** The content lines of an iCalendar file, unfolded (RFC 5545 §3.1), as NAME → value of the first occurrence. */
function parseIcs(text: string): Map<string, string> {
  assert.ok(text.endsWith('\r\n'), 'lines end with CRLF');
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n').filter(Boolean);
  for (const line of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(line) <= 75, `folded at 75 octets: ${line}`);
  }
  const fields = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    if (!fields.has(name)) {
      fields.set(name, line.slice(colon + 1));
    }
  }
  return fields;
}

void describe('appointments: the calendar file (issue 15, RFC 5545)', () => {
  const app = useAppointmentsApp();

  it('serves the appointment as text/calendar with UTC times, UID and summary, and audits the read', async () => {
    const w = await makeAppointmentsWorld(app());
    const id = await visitToPer(w, '2026-11-25', '09:00', 'Hjemme; ved bakdøren, andre etasje');

    const res = await w.get(path(R.citizen.calendarFile, { id }), w.logins.per);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/calendar; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="helsebro-time-2026-11-25\.ics"$/);
    const ics = parseIcs(res.body);
    assert.equal(ics.get('BEGIN'), 'VCALENDAR');
    assert.equal(ics.get('VERSION'), '2.0');
    assert.equal(ics.get('UID'), `${id}@helsebro`);
    // 09:00 in Oslo on 25 November (CET, UTC+1) is 08:00 UTC.
    assert.equal(ics.get('DTSTART'), '20261125T080000Z');
    assert.match(ics.get('DTEND') ?? '', /^20261125T\d{6}Z$/);
    assert.ok((ics.get('DTEND') ?? '') > (ics.get('DTSTART') ?? ''), 'ends after it starts');
    assert.match(ics.get('DTSTAMP') ?? '', /^\d{8}T\d{6}Z$/);
    const listed = (await w.get(R.citizen.list, w.logins.per)).json<CitizenAppointmentsResponse>().appointments;
    const card = listed.find((a) => a.id === id)!;
    assert.equal(ics.get('SUMMARY'), `${card.type.name} – Hjemmesykepleien`);
    assert.equal(ics.get('LOCATION'), 'Hjemme\\; ved bakdøren\\, andre etasje', 'TEXT escaped (§3.3.11)');
    assert.equal(ics.get('STATUS'), 'CONFIRMED');

    const audit = await w.q<{ action: string; details: Record<string, unknown> | null }>(
      `SELECT action, details FROM audit_log WHERE resource_id = $1 AND action = 'appointment.read'`,
      [id],
    );
    assert.deepEqual(
      audit.map((r) => r.details?.format),
      ['text/calendar'],
      'the download is audited as a read of the appointment',
    );
  });

  it("refuses another person's appointment as not found, and a bad id as a 400 problem", async () => {
    const w = await makeAppointmentsWorld(app());
    const id = await visitToPer(w, '2026-11-26', '10:00');
    const other = await w.get(path(R.citizen.calendarFile, { id }), w.logins.stranger);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json<ProblemResponse>().code, 'appointment_not_found');
    const own = await w.get(path(R.citizen.calendarFile, { id }), w.logins.per);
    assert.equal(own.statusCode, 200, 'the owner gets it');
    const bad = await w.get('/api/appointments/not-a-uuid/calendar.ics', w.logins.per);
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /problem\+json/);
  });
});
