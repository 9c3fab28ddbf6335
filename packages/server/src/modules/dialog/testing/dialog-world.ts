import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { startMailCatcher, type CaughtMail } from '../../../../test/mail-catcher.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { bornAgo } from '../../../../test/ages.ts';
import {
  makeCareRelation,
  makeFullmakt,
  makeMunicipality,
  makeOperator,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Person,
} from '../../../../test/factories.ts';
import { startWorkers } from '../../../platform/jobs/index.ts';
import type { Clock } from '../../../platform/platform.ts';
import { waitFor } from '../../../platform/jobs/testing/platform.ts';

export const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(1000, 1)]);

type FormFile = { name: string; type: string; bytes: Buffer };

/** A multipart body as a browser's FormData would send it. */
async function form(fields: Record<string, string>, files: FormFile[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    fd.append(k, v);
  }
  for (const f of files) {
    fd.append('files', new Blob([f.bytes], { type: f.type }), f.name);
  }
  const res = new Response(fd);
  return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

/** A mail the SMTP catcher accepted: its envelope recipients (lower case) and the raw message. */
export type Mail = CaughtMail;

/** The real app with an SMTP server and a KRR that the tests control, shared by the cases of one test file. */
export type DialogTestApp = {
  t: TestApp;
  /** Every mail accepted, in order. */
  mails: Mail[];
  /** Recipients (lower case) whose mail the SMTP server refuses with 451, as a full mailbox would. */
  failFor: Set<string>;
  /** KRR's contact details by identity number; a number not here is not registered. */
  krrContacts: Map<string, { epostadresse: string; mobiltelefonnummer: string }>;
  close(): Promise<void>;
};

/**
 * @param opts - a clock the test controls (the app's `platform.clock`), and whether to listen (the EPJ API's
 *   tokens come from the development IdP over HTTP)
 */
export async function startDialogApp(opts: { clock?: Clock; listen?: boolean } = {}): Promise<DialogTestApp> {
  const catcher = await startMailCatcher();
  const { mails, failFor } = catcher;
  const krrContacts: DialogTestApp['krrContacts'] = new Map();
  const krr: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { personidentifikatorer } = JSON.parse(Buffer.concat(chunks).toString()) as {
        personidentifikatorer: string[];
      };
      const personer = personidentifikatorer.map((nin) => {
        const k = krrContacts.get(nin);
        return k
          ? {
              personidentifikator: nin,
              reservasjon: 'NEI',
              status: 'AKTIV',
              varslingsstatus: 'KAN_VARSLES',
              kontaktinformasjon: k,
            }
          : { personidentifikator: nin, status: 'IKKE_REGISTRERT' };
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ personer }));
    });
  });
  await new Promise<void>((resolve) => krr.listen(0, '127.0.0.1', resolve));
  const t = await buildTestApp(
    {
      SMTP_URL: catcher.url,
      KRR_URL: `http://127.0.0.1:${(krr.address() as AddressInfo).port}/rest/v2/personer`,
    },
    opts,
  );
  return {
    t,
    mails,
    failFor,
    krrContacts,
    close: async () => {
      await t.close();
      krr.close();
      await catcher.close();
    },
  };
}

/**
 * A municipality of its own for one test case, so no case depends on what another left behind: home care (open
 * for dialog, one working day, an automatic reply), physiotherapy (open, but Per receives nothing from it) and the
 * health station (closed for dialog); nurse Siri and her colleague Jon in home care; Per (85) with care relations
 * to home care and the health station; his daughter Kari with a fullmakt for Digitale helsetjenester, and his son
 * Ola with one for innsyn only, both acting for Per. Per and Kari get e-mail notices at one address, registered
 * in KRR with different case, so one notice reaches them both.
 */
export async function makeDialogWorld(d: DialogTestApp) {
  const { t } = d;
  const db = t.app.platform.db;
  const tag = randomUUID().slice(0, 8);
  const m = await makeMunicipality(db, { name: 'Fjordvik kommune' });
  const homeCare = await makeServiceUnit(db, m.id, {
    name: 'Hjemmesykepleien',
    phone: '77 70 10 00',
    openForDialog: true,
    responseWorkingDays: 1,
    autoReply: 'Vi svarer innen én virkedag. Ring 113 hvis det haster.',
  });
  const physio = await makeServiceUnit(db, m.id, { name: 'Fysioterapien', kind: 'other', openForDialog: true });
  const closed = await makeServiceUnit(db, m.id, {
    name: 'Helsestasjonen',
    kind: 'health_station',
    phone: '77 70 20 00',
  });
  const n = await makePersonnel(db, {
    municipalityId: m.id,
    serviceUnitId: homeCare.id,
    givenName: 'Siri',
    familyName: 'Sykepleier',
  });
  const c = await makePersonnel(db, {
    municipalityId: m.id,
    serviceUnitId: homeCare.id,
    givenName: 'Jon',
    familyName: 'Kollega',
  });
  const person = (givenName: string, age: number): Promise<Person> =>
    makePerson(db, { municipalityId: m.id, givenName, familyName: 'Hansen', birthDate: bornAgo(age) });
  const per = await person('Per', 85);
  const kari = await person('Kari', 55);
  const ola = await person('Ola', 50);
  await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: homeCare.id });
  await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: closed.id });
  await makeFullmakt(db, per.id, kari.id);
  await makeFullmakt(db, per.id, ola.id, { serviceAreas: ['innsyn'] });
  // Kari registered her own address as her father's too: one notice, not two.
  const address = `kari.hansen.${tag}@example.com`;
  d.krrContacts.set(per.nin, { epostadresse: address, mobiltelefonnummer: '+4791234567' });
  d.krrContacts.set(kari.nin, { epostadresse: `Kari.Hansen.${tag}@example.com`, mobiltelefonnummer: '+4791234567' });
  const perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
  const kariLogin = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
  const olaLogin = await loginAs(t.app, { kind: 'citizen', personId: ola.id });
  const nurse = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });
  const operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });

  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (url: string, who: LoggedIn, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });
  const send = async (url: string, who: LoggedIn, fields: Record<string, string>, files: FormFile[] = []) => {
    const body = await form(fields, files);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  for (const who of [perLogin, kariLogin]) {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: who.headers,
      payload: { channel: 'email', level: 'normal', language: 'nb' },
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  assert.equal((await post('/api/representation/acting-for', kariLogin, { personId: per.id })).statusCode, 200);
  assert.equal((await post('/api/representation/acting-for', olaLogin, { personId: per.id })).statusCode, 200);

  return {
    municipalityId: m.id,
    homeCare,
    physio,
    closed,
    per,
    kari,
    ola,
    nurseId: n.id,
    colleagueId: c.id,
    perLogin,
    kariLogin,
    olaLogin,
    nurse,
    operator,
    /** The e-mail address Per and Kari share, as the SMTP server sees it. */
    address,
    /** A functional address for home care's alerts, this world's own. */
    unitAddress: `hjemmesykepleien.${tag}@fjordvik.example`,
    get,
    post,
    send,
    /** Mails accepted for an address. */
    mailsTo: (to: string) => d.mails.filter((mail) => mail.to.includes(to.toLowerCase())),
    /** Per's new conversation with home care, asserted started; its id. */
    async startConversation(fields: Record<string, string> = {}, files: FormFile[] = []) {
      const res = await send(
        '/api/dialog/conversations',
        perLogin,
        { serviceUnitId: homeCare.id, subject: 'Medisiner', text: 'Kan dere se på dosetten?', ...fields },
        files,
      );
      assert.equal(res.statusCode, 201, res.body);
      return res.json<ConversationResponse>().conversation.id;
    },
    /** Conversations, messages and attachments stored in this municipality. */
    async counts() {
      const [row] = await t.database.query<{ c: number; m: number; a: number }>(
        `SELECT (SELECT count(*)::int FROM dialog_conversations WHERE municipality_id = $1) AS c,
          (SELECT count(*)::int FROM dialog_messages WHERE municipality_id = $1) AS m,
          (SELECT count(*)::int FROM dialog_attachments WHERE municipality_id = $1) AS a`,
        [m.id],
      );
      return row!;
    },
    /** Runs the outbox's workers until `until` holds. */
    async drainOutbox(until: () => Promise<boolean>) {
      const workers = startWorkers(t.app.platform, { pollMs: 10, backoff: { baseMs: 10, maxMs: 30 } });
      try {
        await waitFor('the outbox', until, 15_000);
      } finally {
        await workers.stop();
      }
    },
  };
}

export type DialogWorld = Awaited<ReturnType<typeof makeDialogWorld>>;
