import { randomUUID } from 'node:crypto';
import { buildTestApp, type TestApp } from '../test-app.ts';
import { loginAs, type LoggedIn } from '../login.ts';
import { requestEpjToken } from '../epj-token.ts';
import { seedDemo } from '../../src/modules/demo-data/index.ts';
import { demoEpjClient } from '../../src/modules/epj/epj.seed.ts';
import { BUILDABLE_TYPES, DEMO_HOSPITAL_TOKEN, buildMessage } from '../../src/modules/plo/index.ts';
import { buildAppRec } from '../../src/modules/plo/apprec/apprec.build.ts';
import { DEMO_HOSPITAL_SOMATIC, sampleMessage } from '../../src/modules/plo/testing/sample-messages.ts';
import type { FuzzKnowledge } from './from-zod.ts';
import type { RequestKnowledge } from './requests.ts';
import { fuzzRoutes, type FuzzRoute } from './routes.ts';

/** Who sends a fuzzed request. Every family is fuzzed by callers allowed to use it, so input reaches the service. */
export type CallerName =
  | 'anonymous'
  | 'citizen'
  | 'home-care-client'
  | 'proxy'
  | 'nurse'
  | 'unit-leader'
  | 'message-handler'
  | 'operator'
  | 'epj'
  | 'partner';

export type FuzzEnv = {
  t: TestApp;
  routes: FuzzRoute[];
  known: RequestKnowledge;
  /** Headers that authenticate each caller (cookie and CSRF token, or a bearer token). */
  headers: Record<CallerName, Record<string, string>>;
};

/**
 * Callers of each family, by path prefix (the first that matches). Cookie sessions carry their CSRF token, so a
 * write reaches validation and the service instead of stopping at the CSRF check.
 */
const CALLERS: Array<[RegExp, CallerName[]]> = [
  [/^\/api\/staff\//, ['nurse', 'unit-leader']],
  [/^\/api\/plo\//, ['message-handler']],
  [/^\/api\/operator\//, ['operator']],
  [/^\/api\/(session|me)\b/, ['citizen', 'proxy', 'nurse', 'operator']],
  [/^\/api\//, ['citizen', 'home-care-client', 'proxy']],
  [/^\/epj\//, ['epj']],
  [/^\/edi\//, ['partner']],
];

/**
 * The callers who may use a family's routes; anonymous for the public ones (login, the IdP, health, the web app).
 * @param family - a family from `familyOf`
 */
export function callersOf(family: string): CallerName[] {
  return CALLERS.find(([prefix]) => prefix.test(`${family}/`))?.[1] ?? ['anonymous'];
}

/**
 * The real app (listening, so the EPJ client can fetch a token from the development IdP) on a fresh store with
 * the demo data, one PLO message and one dialog conversation, the routes it registered, and a session or token
 * for every caller. Rate limits are lifted: the fuzzer is one client sending thousands of requests.
 */
export async function buildFuzzEnv(): Promise<FuzzEnv> {
  const t = await buildTestApp(
    {
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
      RATE_LIMIT_EDI_PER_MINUTE: '1000000',
    },
    { listen: true },
  );
  const db = t.database;
  await seedDemo(db.db);
  const one = async (sql: string, params: unknown[] = []) => {
    const [row] = await db.query<{ id: string }>(sql, params);
    if (!row) {
      throw new Error(`fuzz setup: nothing for ${sql}`);
    }
    return row.id;
  };
  const fjordvik = await one("SELECT id FROM municipalities WHERE number = '9901'");
  const person = (name: string) => one('SELECT id FROM persons WHERE given_name = $1', [name]);
  const staff = async (hpr: string) =>
    loginAs(t.app, {
      kind: 'personnel',
      personnelId: await one('SELECT id FROM personnel WHERE hpr_number = $1', [hpr]),
      municipalityId: fjordvik,
    });
  const cookie = (l: LoggedIn) => ({ ...l.headers });

  const per = await person('Per');
  const anne = await loginAs(t.app, { kind: 'citizen', personId: await person('Anne') });
  const switched = await t.app.inject({
    method: 'POST',
    url: '/api/representation/acting-for',
    headers: anne.headers,
    payload: { personId: per },
  });
  if (switched.statusCode !== 200) {
    throw new Error(`fuzz setup: Anne could not act for Per (${switched.statusCode} ${switched.body})`);
  }
  const perLogin = await loginAs(t.app, { kind: 'citizen', personId: per });
  const headers: FuzzEnv['headers'] = {
    anonymous: {},
    citizen: cookie(await loginAs(t.app, { kind: 'citizen', personId: await person('Kari') })),
    'home-care-client': cookie(perLogin),
    proxy: cookie(anne),
    nurse: cookie(await staff('9100001')),
    'unit-leader': cookie(await staff('9100003')),
    'message-handler': cookie(await staff('9100007')),
    operator: cookie(
      await loginAs(t.app, { kind: 'operator', operatorId: await one('SELECT id FROM operators LIMIT 1') }),
    ),
    epj: { authorization: `Bearer ${await epjToken(t)}` },
    partner: { authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
  };

  // Something to find: an incoming PLO message for each receiving service, and a conversation with home care.
  for (const type of ['LOG_INNLAGT', 'LOG_UTSKRIVNINGSKLAR'] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/edi/v1/messages',
      headers: { ...headers.partner, 'content-type': 'application/xml' },
      payload: buildMessage(sampleMessage(type)).xml,
    });
    if (res.statusCode >= 300) {
      throw new Error(`fuzz setup: the PLO message was refused (${res.statusCode} ${res.body})`);
    }
  }
  const unit = await one("SELECT id FROM service_units WHERE name = 'Hjemmesykepleien' AND municipality_id = $1", [
    fjordvik,
  ]);
  const form = new FormData();
  form.append('serviceUnitId', unit);
  form.append('subject', 'Spørsmål om besøk');
  form.append('text', 'Kan dere komme litt senere på torsdag?');
  const body = new Response(form);
  const started = await t.app.inject({
    method: 'POST',
    url: '/api/dialog/conversations',
    headers: { ...perLogin.headers, 'content-type': body.headers.get('content-type')! },
    payload: Buffer.from(await body.arrayBuffer()),
  });
  if (started.statusCode !== 201) {
    throw new Error(`fuzz setup: the conversation was refused (${started.statusCode} ${started.body})`);
  }
  // A letter to Per from home care (issue 13), sent by the EPJ, for the letters' routes to find.
  const letter = await t.app.inject({
    method: 'POST',
    url: '/epj/v1/letters',
    headers: headers.epj,
    payload: {
      serviceUnitId: unit,
      nin: (await db.query<{ nin: string }>('SELECT nin FROM persons WHERE id = $1', [per]))[0]!.nin,
      title: 'Vedtak om hjemmesykepleie',
      importance: 'important',
      document: { contentType: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') },
    },
  });
  if (letter.statusCode !== 201) {
    throw new Error(`fuzz setup: the letter was refused (${letter.statusCode} ${letter.body})`);
  }

  // Every message type Helsebro builds, from the demo hospital to Fjordvik, and an AppRec from the hospital: the
  // bodies the /edi fuzzer mutates.
  const xmlSamples = [...BUILDABLE_TYPES.map((type) => buildMessage(sampleMessage(type)).xml), hospitalAppRec()];
  return { t, routes: fuzzRoutes(t.app), known: { ...(await knowledgeOf(t)), xmlSamples }, headers };
}

/** A negative AppRec from the demo hospital's somatic service for a message Fjordvik sent. */
function hospitalAppRec(): string {
  return buildAppRec({
    status: '2',
    errors: [{ code: 'E35' }],
    sender: {
      inst: { name: DEMO_HOSPITAL_SOMATIC.organisation.name, herId: DEMO_HOSPITAL_SOMATIC.organisation.herId },
      dept: { name: 'Somatikk plo meldingsmottak', herId: '9900001001' },
    },
    senderRole: 'PRIM',
    receiver: { inst: { name: 'Fjordvik kommune', herId: '9900002000' } },
    original: { type: { v: 'LOG_INNLAGT' }, genDate: '2025-01-15T10:11:54+01:00', msgId: randomUUID() },
  }).xml;
}

/** A client-credentials token of Fjordvik's demo EPJ client from the development IdP. */
async function epjToken(t: TestApp): Promise<string> {
  const { clientId, clientSecret } = demoEpjClient('9901');
  const { status, body } = await requestEpjToken(t, clientId, clientSecret);
  if (!body.access_token) {
    throw new Error(`fuzz setup: no EPJ token (${status})`);
  }
  return body.access_token;
}

/**
 * Ids of up to 12 rows of every table keyed by a uuid, the callers' own first: rows of Fjordvik, of its home
 * nursing unit (where the nurse and the unit leader work) and of Per (the home-care client the proxy acts for).
 * Also the HER-ids of the register (Fjordvik's receiving services first) and the outbox's job ids.
 */
async function knowledgeOf(t: TestApp): Promise<FuzzKnowledge> {
  const q = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);
  const [scope] = await q<{ municipality: string; unit: string; person: string }>(
    `SELECT m.id AS municipality, u.id AS unit, p.id AS person FROM municipalities m
       JOIN service_units u ON u.municipality_id = m.id AND u.name = 'Hjemmesykepleien'
       JOIN persons p ON p.given_name = 'Per' WHERE m.number = '9901'`,
  );
  const columns = await q<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const tables: Record<string, string[]> = {};
  const keyed = new Set(columns.filter((c) => c.column_name === 'id').map((c) => c.table_name));
  for (const table of keyed) {
    const has = (c: string) => columns.some((x) => x.table_name === table && x.column_name === c);
    const own = [
      table === 'service_units' ? `(id = '${scope!.unit}')` : null,
      table === 'persons' ? `(id = '${scope!.person}')` : null,
      has('service_unit_id') ? `(service_unit_id = '${scope!.unit}')` : null,
      has('person_id') ? `(person_id = '${scope!.person}')` : null,
      has('municipality_id') ? `(municipality_id = '${scope!.municipality}')` : null,
    ].filter(Boolean);
    const order = [...own.map((c) => `${c} IS TRUE DESC`), 'id'].join(', ');
    const rows = await q<{ id: string }>(`SELECT id::text AS id FROM "${table}" ORDER BY ${order} LIMIT 12`);
    if (rows.length > 0 && /^[0-9a-f-]{36}$/.test(rows[0]!.id)) {
      tables[table] = rows.map((r) => r.id);
    }
  }
  const herIds = await q<{ her_id: string }>(
    `SELECT her_id FROM plo_parties
      ORDER BY (municipality_id = $1 AND kind = 'service') IS TRUE DESC, (service_type IS NULL), her_id`,
    [scope!.municipality],
  );
  const jobs = await q<{ id: number }>('SELECT id FROM jobs ORDER BY id LIMIT 5');
  return { tables, herIds: herIds.map((r) => r.her_id), numericIds: jobs.map((r) => Number(r.id)) };
}
