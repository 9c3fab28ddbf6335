import type { TermsDocument, TermsStatusResponse, TermsVersion } from '@helsebro/contracts';
import { movableClock } from '../../../../test/clock.ts';
import { makeMunicipality, makeOperator, makePersonnel, type Municipality } from '../../../../test/factories.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { osloDateOf } from '../../../platform/time/oslo-time.ts';

let label = 0;
/** A version label no other case in the file uses (terms versions are one set for the installation). */
export const nextVersion = () => `${50 + Math.floor(label / 900)}.${(label++ % 900) + 1}`;

export const COMPLETE_DIGIFIN = {
  member: true,
  memberSince: '2024-01-01',
  feeAmountNok: 25_000,
  feeInvoiceReference: 'DF-2024-17',
  feePaidOn: '2024-02-01',
};

/**
 * The app on a clock the test moves, an operator logged in, and helpers to publish versions and give a
 * municipality an administrator. Sessions are made again after the clock moves (they have idle limits).
 */
export async function termsWorld() {
  const clock = movableClock(new Date('2026-03-02T08:00:00Z'));
  const t: TestApp = await buildTestApp({}, { clock });
  const db = t.database.db;
  const operatorRow = await makeOperator(db);
  const operator = () => loginAs(t.app, { kind: 'operator', operatorId: operatorRow.id });
  const today = () => osloDateOf(clock.now());

  const send = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, who: LoggedIn, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.json<T>(), raw: res.body };
  };

  async function draft(document: TermsDocument, significant = false): Promise<TermsVersion> {
    const res = await send<TermsVersion>('POST', '/api/operator/terms', await operator(), {
      document,
      version: nextVersion(),
      date: today(),
      changes: ['Endret punkt 5.1.'],
      significant,
    });
    if (res.status !== 201) {
      throw new Error(`draft: ${res.raw}`);
    }
    return res.body;
  }

  async function published(document: TermsDocument, acceptBy = today()): Promise<TermsVersion> {
    const v = await draft(document);
    const res = await send<TermsVersion>('POST', `/api/operator/terms/${v.id}/publish`, await operator(), {
      acceptBy,
    });
    if (res.status !== 200) {
      throw new Error(`publish: ${res.raw}`);
    }
    return res.body;
  }

  /** A fresh municipality with an administrator logged in, and DigiFin recorded unless `digifin: false`. */
  async function municipalityWithAdmin(opts: { digifin?: boolean } = {}) {
    const municipality: Municipality = await makeMunicipality(db);
    const adminRow = await makePersonnel(db, { municipalityId: municipality.id, role: 'municipal_admin' });
    if (opts.digifin !== false) {
      const res = await send<TermsStatusResponse>(
        'PUT',
        `/api/operator/municipalities/${municipality.id}/digifin`,
        await operator(),
        COMPLETE_DIGIFIN,
      );
      if (res.status !== 200) {
        throw new Error(`digifin: ${res.raw}`);
      }
    }
    const admin = () =>
      loginAs(t.app, { kind: 'personnel', personnelId: adminRow.id, municipalityId: municipality.id });
    return { municipality, adminRow, admin };
  }

  return { t, db, clock, operator, today, send, draft, published, municipalityWithAdmin };
}
