import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type {
  ProblemResponse as Problem,
  TermsAcceptancesPage,
  TermsStatusResponse,
  TermsVersion,
  TermsVersionsResponse,
} from '@helsebro/contracts';
import { makeMunicipality, makePersonnel } from '../../../test/factories.ts';
import { loginAs } from '../../../test/login.ts';
import { auditLog, municipalityDigifin, termsVersions } from '../../platform/db/schema.ts';
import { COMPLETE_DIGIFIN, nextVersion, termsWorld } from './testing/terms-world.ts';

void describe('/api/operator/terms and the DigiFin record', () => {
  let w: Awaited<ReturnType<typeof termsWorld>>;
  before(async () => {
    w = await termsWorld();
  });
  after(async () => {
    await w.t.close();
  });
  const auditOf = (action: string, resourceId: string) =>
    w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action as never), eq(auditLog.resourceId, resourceId)));

  void it('creates a draft with its change log, audited, and refuses the same version twice naming the field', async () => {
    const op = await w.operator();
    const version = nextVersion();
    const body = {
      document: 'special',
      version,
      date: '2026-02-20',
      changes: ['Punkt 5.1 er presisert.', 'Lenker er oppdatert.'],
      significant: false,
    };
    const res = await w.send<TermsVersion>('POST', '/api/operator/terms', op, body);
    assert.equal(res.status, 201, res.raw);
    assert.deepEqual(
      [res.body.status, res.body.version, res.body.changes, res.body.acceptBy, res.body.ksConsultation],
      ['draft', version, body.changes, null, null],
    );
    const list = await w.send<TermsVersionsResponse>('GET', '/api/operator/terms', op);
    assert.equal(list.body.items.find((v) => v.id === res.body.id)?.status, 'draft');
    assert.equal((await auditOf('terms.create', res.body.id)).length, 1);

    const again = await w.send<Problem>('POST', '/api/operator/terms', op, { ...body, changes: ['Annet'] });
    assert.equal(again.status, 409);
    assert.deepEqual(
      again.body.errors?.map((e) => e.path),
      ['version'],
    );
    const badLabel = await w.send<Problem>('POST', '/api/operator/terms', op, { ...body, version: 'v3' });
    assert.equal(badLabel.status, 400);
    const noChanges = await w.send<Problem>('POST', '/api/operator/terms', op, { ...body, changes: [] });
    assert.equal(noChanges.status, 400);
  });

  void it('refuses to publish a significant change until the KS consultation has an answer (seed 000 §5.3)', async () => {
    const op = await w.operator();
    const draft = await w.draft('special', true);
    const url = `/api/operator/terms/${draft.id}`;
    const unsent = await w.send<Problem>('POST', `${url}/publish`, op, { acceptBy: '2026-05-01' });
    assert.equal(unsent.status, 422);
    assert.deepEqual(
      [unsent.body.code, unsent.body.errors?.map((e) => e.path)],
      ['ks_consultation_missing', ['ksConsultation']],
    );

    const sent = await w.send<TermsVersion>('PUT', `${url}/ks-consultation`, op, { sentOn: '2026-02-01' });
    assert.equal(sent.status, 200, sent.raw);
    assert.deepEqual(sent.body.ksConsultation, { sentOn: '2026-02-01', answer: null, answeredOn: null });
    const unanswered = await w.send<Problem>('POST', `${url}/publish`, op, { acceptBy: '2026-05-01' });
    assert.deepEqual(
      [unanswered.status, unanswered.body.code, unanswered.body.errors?.map((e) => e.path)],
      [422, 'ks_consultation_missing', ['ksConsultation.answer']],
    );
    const [row] = await w.db.select().from(termsVersions).where(eq(termsVersions.id, draft.id));
    assert.equal(row?.status, 'draft');

    const answerBeforeSent = await w.send<Problem>('PUT', `${url}/ks-consultation`, op, {
      sentOn: '2026-02-01',
      answer: 'Ingen merknader.',
      answeredOn: '2026-01-20',
    });
    assert.equal(answerBeforeSent.status, 400);
    const answered = await w.send<TermsVersion>('PUT', `${url}/ks-consultation`, op, {
      sentOn: '2026-02-01',
      answer: 'KS har ingen merknader.',
      answeredOn: '2026-02-25',
    });
    assert.equal(answered.status, 200, answered.raw);
    assert.equal((await auditOf('terms.ks_consultation.record', draft.id)).length, 2);

    const published = await w.send<TermsVersion>('POST', `${url}/publish`, op, { acceptBy: '2026-05-01' });
    assert.equal(published.status, 200, published.raw);
    assert.deepEqual(
      [published.body.status, published.body.acceptBy, published.body.publishedAt],
      ['published', '2026-05-01', w.clock.now().toISOString()],
    );
    assert.deepEqual(
      (await auditOf('terms.publish', draft.id)).map((e) => [e.actorKind, e.details]),
      [['operator', { document: 'special', version: draft.version, acceptBy: '2026-05-01' }]],
    );
    const twice = await w.send<Problem>('POST', `${url}/publish`, op, { acceptBy: '2026-05-01' });
    assert.deepEqual([twice.status, twice.body.code], [409, 'terms_already_published']);
    const lateKs = await w.send<Problem>('PUT', `${url}/ks-consultation`, op, { sentOn: '2026-02-01' });
    assert.deepEqual([lateKs.status, lateKs.body.code], [409, 'terms_not_draft']);
  });

  void it('publishes a change that is not significant without KS, but not with an accept-by date in the past', async () => {
    const op = await w.operator();
    const draft = await w.draft('general');
    const past = await w.send<Problem>('POST', `/api/operator/terms/${draft.id}/publish`, op, {
      acceptBy: '2026-03-01',
    });
    assert.deepEqual(
      [past.status, past.body.code, past.body.errors?.map((e) => e.path)],
      [422, 'accept_by_past', ['acceptBy']],
    );
    const ok = await w.send<TermsVersion>('POST', `/api/operator/terms/${draft.id}/publish`, op, {
      acceptBy: '2026-03-02',
    });
    assert.equal(ok.status, 200, ok.raw);
    const list = await w.send<TermsVersionsResponse>('GET', '/api/operator/terms', op);
    const general = list.body.items.filter((v) => v.document === 'general' && v.status !== 'draft');
    assert.equal(general[0]?.id, draft.id);
    assert.ok(general.slice(1).every((v) => v.status === 'superseded'));
  });

  void it('shows per version who has and has not accepted, paged and searchable, and who is overdue', async () => {
    const a = await w.municipalityWithAdmin();
    const b = await w.municipalityWithAdmin();
    const version = await w.published('special', '2026-03-10');
    const accepted = await w.send('POST', `/api/admin/terms/${version.id}/accept`, await a.admin());
    assert.equal(accepted.status, 201, accepted.raw);
    const op = await w.operator();
    const url = `/api/operator/terms/${version.id}/acceptances`;
    const yes = await w.send<TermsAcceptancesPage>('GET', `${url}?accepted=yes`, op);
    assert.deepEqual(
      yes.body.items.map((i) => i.municipalityId),
      [a.municipality.id],
    );
    assert.deepEqual([yes.body.version.acceptedCount, yes.body.total], [1, 1]);
    const no = await w.send<TermsAcceptancesPage>('GET', `${url}?accepted=no`, op);
    assert.ok(no.body.items.some((i) => i.municipalityId === b.municipality.id));
    assert.equal(no.body.total, yes.body.version.municipalityCount - 1);
    const found = await w.send<TermsAcceptancesPage>('GET', `${url}?q=${b.municipality.number}`, op);
    assert.deepEqual(
      found.body.items.map((i) => [i.name, i.acceptedAt, i.overdue]),
      [[b.municipality.name, null, false]],
    );

    w.clock.advance(10 * 86_400_000);
    const later = await w.send<TermsAcceptancesPage>('GET', `${url}?q=${b.municipality.number}`, await w.operator());
    assert.equal(later.body.items[0]?.overdue, true);
    const notLate = await w.send<TermsAcceptancesPage>('GET', `${url}?q=${a.municipality.number}`, await w.operator());
    assert.equal(notLate.body.items[0]?.overdue, false);
    const unknown = await w.send<Problem>(
      'GET',
      `/api/operator/terms/${crypto.randomUUID()}/acceptances`,
      await w.operator(),
    );
    assert.equal(unknown.status, 404);
  });

  void it('records DigiFin membership and the connection fee, audited in the municipality, and shows it', async () => {
    const op = await w.operator();
    const m = await makeMunicipality(w.db);
    const url = `/api/operator/municipalities/${m.id}/digifin`;
    const noDate = await w.send<Problem>('PUT', url, op, { member: true });
    assert.deepEqual([noDate.status, noDate.body.errors?.map((e) => e.path)], [400, ['body.memberSince']]);
    const res = await w.send<TermsStatusResponse>('PUT', url, op, {
      ...COMPLETE_DIGIFIN,
      reason: 'Fakturaen er betalt.',
    });
    assert.equal(res.status, 200, res.raw);
    assert.deepEqual(res.body.digifinMissing, []);
    const [row] = await w.db.select().from(municipalityDigifin).where(eq(municipalityDigifin.municipalityId, m.id));
    assert.deepEqual(
      [row?.member, row?.feeAmountNok, row?.feeInvoiceReference, row?.feePaidOn],
      [true, 25_000, 'DF-2024-17', '2024-02-01'],
    );
    const unpaid = await w.send<TermsStatusResponse>('PUT', url, op, { ...COMPLETE_DIGIFIN, feePaidOn: null });
    assert.deepEqual(unpaid.body.digifinMissing, ['feePaidOn']);
    assert.deepEqual(
      (await auditOf('digifin.update', m.id)).map((e) => [e.actorKind, e.municipalityId, e.details]),
      [
        ['operator', m.id, { member: true, feePaid: true, reason: 'Fakturaen er betalt.' }],
        ['operator', m.id, { member: true, feePaid: false }],
      ],
    );
    const status = await w.send<TermsStatusResponse>('GET', `/api/operator/municipalities/${m.id}/terms`, op);
    assert.deepEqual(
      [status.status, status.body.municipalityName, status.body.digifin?.feeInvoiceReference],
      [200, m.name, 'DF-2024-17'],
    );
    const nowhere = await w.send<Problem>(
      'PUT',
      `/api/operator/municipalities/${crypto.randomUUID()}/digifin`,
      op,
      COMPLETE_DIGIFIN,
    );
    assert.equal(nowhere.status, 404);
  });

  void it('is the operator’s alone: a municipality administrator is refused (403) and nothing is written', async () => {
    const m = await makeMunicipality(w.db);
    const adminRow = await makePersonnel(w.db, { municipalityId: m.id, role: 'municipal_admin' });
    const admin = await loginAs(w.t.app, { kind: 'personnel', personnelId: adminRow.id, municipalityId: m.id });
    const version = nextVersion();
    const res = await w.send<Problem>('POST', '/api/operator/terms', admin, {
      document: 'general',
      version,
      date: '2026-02-20',
      changes: ['Forsøk'],
      significant: false,
    });
    assert.equal(res.status, 403);
    const own = await w.send<Problem>('PUT', `/api/operator/municipalities/${m.id}/digifin`, admin, COMPLETE_DIGIFIN);
    assert.equal(own.status, 403);
    assert.equal((await w.db.select().from(termsVersions).where(eq(termsVersions.version, version))).length, 0);
    assert.equal(
      (await w.db.select().from(municipalityDigifin).where(eq(municipalityDigifin.municipalityId, m.id))).length,
      0,
    );
  });
});
