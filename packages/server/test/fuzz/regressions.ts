import type { CallerName } from './fuzz-app.ts';
import type { BodySpec } from './requests.ts';

/**
 * Requests the fuzzer once answered with a 5xx (or a 4xx that was not problem+json), replayed on every run with
 * the answer each must get now. `{table}` in a URL or body stands for the caller's own row of that table (the
 * first id the fuzzer knows of it), so a case reaches the code that failed.
 */
export type Regression = {
  /** What the request got before the fix. */
  found: string;
  caller: CallerName;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  body?: BodySpec;
  status: number;
  /** The problem's `code`; absent where the answer is not problem+json (the PLO receipt). */
  code?: string;
};

const json = (value: unknown): BodySpec => ({ kind: 'json', value, contentType: 'application/json' });
/** A console cursor as the server writes one (base64url JSON of timestamp and id), around a forged timestamp. */
const consoleCursor = (at: string) =>
  Buffer.from(JSON.stringify([at, '00000000-0000-4000-8000-000000000000'])).toString('base64url');

/** A LOG_INNLAGT from the demo hospital to Fjordvik's home nursing, with this MsgId and these elements' text. */
const ploMessage = (msgId: string, set: Array<[string, string]> = []): BodySpec => ({
  kind: 'xml',
  sample: 0,
  msgId,
  set,
  edits: [],
  cut: null,
  contentType: 'application/xml',
});

export const REGRESSIONS: Regression[] = [
  {
    found: 'the staff calendar of a date that does not exist: a database error (issue 10)',
    caller: 'nurse',
    method: 'GET',
    url: '/api/staff/appointments/units/{service_units}/calendar?date=0000-00-00',
    status: 400,
    code: 'validation_failed',
  },
  {
    found: 'the staff calendar of 31 April: no start of day for it, then a database error',
    caller: 'nurse',
    method: 'GET',
    url: '/api/staff/appointments/units/{service_units}/calendar?date=2026-04-31',
    status: 400,
    code: 'validation_failed',
  },
  {
    found: 'completed home visits up to 9999-12-31: a RangeError in the Oslo calendar (issue 10)',
    caller: 'home-care-client',
    method: 'GET',
    url: '/api/home-visits/completed?to=9999-12-31',
    status: 400,
    code: 'validation_failed',
  },
  {
    found: 'the access log from 0000-00-00: a database error',
    caller: 'home-care-client',
    method: 'GET',
    url: '/api/access-log?from=0000-00-00&to=9999-12-31',
    status: 400,
    code: 'validation_failed',
  },
  {
    found: 'a PLO console cursor forged around 2026-02-30: a database error (issue 10)',
    caller: 'message-handler',
    method: 'GET',
    url: `/api/plo/console/services/9900002002/inbox?cursor=${consoleCursor('2026-02-30 10:00:00+00')}`,
    status: 400,
    code: 'invalid_cursor',
  },
  {
    found: 'a PLO console cursor forged around 0000-00-00: a database error',
    caller: 'message-handler',
    method: 'GET',
    url: `/api/plo/console/services/9900002002/outbox?cursor=${consoleCursor('0000-00-00 00:00:00')}`,
    status: 400,
    code: 'invalid_cursor',
  },
  {
    found: 'a message whose GenDate does not exist: the negative AppRec copied it and failed its own schema (500)',
    caller: 'partner',
    method: 'POST',
    url: '/edi/v1/messages',
    body: ploMessage('6f0e3c1a-2d4b-4c8e-9a7f-1b2c3d4e5f60', [['GenDate', '0000-00-00T00:00:00Z']]),
    status: 202,
  },
  {
    found: 'a MsgId of 100 001 direction overrides: too long for the index on MsgId, a database error (500)',
    caller: 'partner',
    method: 'POST',
    url: '/edi/v1/messages',
    body: ploMessage('\u202E'.repeat(100_001)),
    status: 202,
  },
  {
    found: 'an emergency reason of ten UTF-16 units but five characters: the table CHECK failed (500)',
    caller: 'nurse',
    method: 'POST',
    url: '/api/staff/emergency-access',
    body: json({ personId: '{persons}', reason: '𑜾𑜾𑜾𑜾𑜾' }),
    status: 400,
    code: 'emergency_reason_required',
  },
  {
    found: 'with the route (issue 15): a plan review for nobody is refused, not a database error',
    caller: 'nurse',
    method: 'POST',
    url: '/api/staff/citizens/00000000-0000-0000-0000-000000000000/hospital-review',
    status: 403,
    code: 'no_care_relation',
  },
  {
    found: 'a NUL in an emergency reason: PostgreSQL refused the text (500)',
    caller: 'nurse',
    method: 'POST',
    url: '/api/staff/emergency-access',
    body: json({ personId: '{persons}', reason: 'Bevisstløs i eget hjem\u0000' }),
    status: 400,
    code: 'invalid_character',
  },
  {
    found: 'a NUL in a staff reply (multipart): PostgreSQL refused the text (500)',
    caller: 'nurse',
    method: 'POST',
    url: '/api/staff/dialog/conversations/{dialog_conversations}/messages',
    body: { kind: 'multipart', fields: [['text', 'Hei\u0000']], files: [] },
    status: 400,
    code: 'invalid_character',
  },
  {
    found: 'a NUL in a search for identity numbers (the development KRR): a database error',
    caller: 'anonymous',
    method: 'POST',
    url: '/dev/krr/rest/v2/personer',
    body: json({ personidentifikatorer: ['\u0000'] }),
    status: 400,
    code: 'invalid_character',
  },
  {
    found: "a lone surrogate in a credential label: the audit entry's jsonb refused it (500)",
    caller: 'operator',
    method: 'PUT',
    url: '/api/operator/address-register/9900001001/outgoing-credential',
    body: json({ token: 'fuzz-token-0123456789abcdef', label: '\udfff' }),
    status: 400,
    code: 'invalid_character',
  },
  {
    found: "a file part without a filename in a citizen's reply: a TypeError (500)",
    caller: 'home-care-client',
    method: 'POST',
    url: '/api/dialog/conversations/{dialog_conversations}/messages',
    body: { kind: 'multipart', fields: [['text', 'Hei']], files: [{ name: '', type: '', head: 'empty', size: 0 }] },
    status: 400,
    code: 'attachment_empty',
  },
  {
    found: 'a path that does not percent-decode: Fastify answered 400 in its own JSON, not problem+json',
    caller: 'nurse',
    method: 'GET',
    url: '/api/staff/citizens/%C0%AE%C0%AE',
    status: 400,
    code: 'bad_url',
  },
  {
    found: 'a path parameter over 200 characters: Fastify answered 414 in its own JSON, not problem+json',
    caller: 'home-care-client',
    method: 'POST',
    url: `/api/appointments/${'a'.repeat(201)}/cancel`,
    status: 414,
    code: 'uri_too_long',
  },
];
