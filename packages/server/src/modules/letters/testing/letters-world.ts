import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { StaffLetter } from '@helsebro/contracts';
import { bornAgo } from '../../../../test/ages.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Person,
} from '../../../../test/factories.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { startMailCatcher, type CaughtMail } from '../../../../test/mail-catcher.ts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { dataProcessingAgreements } from '../../../platform/db/schema.ts';
import { startWorkers } from '../../../platform/jobs/index.ts';
import { waitFor } from '../../../platform/jobs/testing/platform.ts';

/** A small PDF as a sender uploads it (the check reads the first bytes: %PDF-). */
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x20), Buffer.from('\n%%EOF\n')]);
/** A Windows program named like a PDF. */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(2000, 0x41)]);

export type Mail = CaughtMail;

/**
 * The real app listening on loopback, so KRR is the development stand-in at its own `/dev/krr` (the rules are
 * tested against the stand-in the demo uses), with an SMTP server that keeps every mail.
 */
export async function startLettersApp(): Promise<{ t: TestApp; mails: Mail[]; close: () => Promise<void> }> {
  const catcher = await startMailCatcher();
  const t = await buildTestApp({ SMTP_URL: catcher.url }, { listen: true });
  return {
    t,
    mails: catcher.mails,
    close: async () => {
      await t.close();
      await catcher.close();
    },
  };
}

type FormFile = { name: string; type: string; bytes: Buffer };

/**
 * A municipality of its own for one case: letters active with a data processing agreement (unless `dpa: false`
 * or other `services`), home care with nurse Siri, and a citizen of 70 with a care relation to home care.
 */
export async function makeLettersWorld(t: TestApp, opts: { dpa?: boolean; services?: string[]; name?: string } = {}) {
  const db = t.app.platform.db;
  const m = await makeMunicipality(
    db,
    { name: opts.name ?? `Fjordvik ${randomUUID().slice(0, 4)} kommune` },
    opts.services ? { services: opts.services } : {},
  );
  if (opts.dpa !== false) {
    await db.insert(dataProcessingAgreements).values({
      municipalityId: m.id,
      version: '1.0',
      signatoryName: 'Ordfører Test',
      signatoryTitle: 'Ordfører',
      signedOn: '2026-01-01',
    });
  }
  const unit = await makeServiceUnit(db, m.id, { name: 'Hjemmesykepleien' });
  const n = await makePersonnel(db, {
    municipalityId: m.id,
    serviceUnitId: unit.id,
    givenName: 'Siri',
    familyName: 'Sykepleier',
  });
  const nurse = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });

  /** A person of `age` in the municipality, with a care relation to home care unless `care: false`. */
  const citizen = async (age: number, o: { care?: boolean; given?: string; home?: Person } = {}): Promise<Person> => {
    const p = await makePerson(db, {
      municipalityId: m.id,
      birthDate: bornAgo(age),
      ...(o.given ? { givenName: o.given } : {}),
      // Living with `home` (the same registered dwelling), as a child with a parent.
      ...(o.home
        ? { streetAddress: o.home.streetAddress, postalCode: o.home.postalCode, dwellingKey: o.home.dwellingKey }
        : {}),
    });
    if (o.care !== false) {
      await makeCareRelation(db, { municipalityId: m.id, personId: p.id, serviceUnitId: unit.id });
    }
    return p;
  };

  const multipart = async (fields: Record<string, string>, files: FormFile[]) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      fd.append(k, v);
    }
    for (const f of files) {
      fd.append('file', new Blob([f.bytes], { type: f.type }), f.name);
    }
    const res = new Response(fd);
    return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
  };

  /** The nurse (or `who`) sends a letter through the staff route; the raw answer. */
  const send = async (
    to: Person,
    o: { who?: LoggedIn; unitId?: string; title?: string; importance?: string; files?: FormFile[] } = {},
  ) => {
    const body = await multipart(
      { nin: to.nin, title: o.title ?? 'Vedtak om hjemmesykepleie', importance: o.importance ?? 'important' },
      o.files ?? [{ name: 'vedtak.pdf', type: 'application/pdf', bytes: PDF }],
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/staff/letters/units/${o.unitId ?? unit.id}/letters`,
      headers: { ...(o.who ?? nurse).headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  return {
    municipality: m,
    unit,
    nurseId: n.id,
    nurse,
    citizen,
    send,
    /** Sends and asserts 201; the letter. */
    async sent(to: Person, o: Parameters<typeof send>[1] = {}): Promise<StaffLetter> {
      const res = await send(to, o);
      assert.equal(res.statusCode, 201, res.body);
      return res.json<StaffLetter>();
    },
    /** Lays KRR fields over a person's synthetic answer at the stand-in ({} resets). */
    async krr(p: Person, profile: object) {
      const res = await t.app.inject({ method: 'PUT', url: `/dev/krr/persons/${p.nin}`, payload: profile });
      assert.equal(res.statusCode, 204, res.body);
    },
    /** The person has logged in to Helsebro (as a citizen); the session's headers. */
    login: (p: Person) => loginAs(t.app, { kind: 'citizen', personId: p.id }),
    get: (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers }),
    post: (url: string, who: LoggedIn, payload: object = {}) =>
      t.app.inject({ method: 'POST', url, headers: who.headers, payload }),
    /** Letters stored in this municipality. */
    async count(): Promise<number> {
      const [row] = await t.database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM letters WHERE municipality_id = $1',
        [m.id],
      );
      return row!.n;
    },
    /** Runs the outbox's workers until `until` holds. */
    async drainOutbox(until: () => Promise<boolean> | boolean) {
      const workers = startWorkers(t.app.platform, { pollMs: 10, backoff: { baseMs: 10, maxMs: 30 } });
      try {
        await waitFor('the outbox', until, 15_000);
      } finally {
        await workers.stop();
      }
    },
  };
}

export type LettersWorld = Awaited<ReturnType<typeof makeLettersWorld>>;
