import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { ProblemResponse as Problem, TermsStatusResponse } from '@helsebro/contracts';
import { makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import { loginAs } from '../../../test/login.ts';
import { auditLog, termsAcceptances } from '../../platform/db/schema.ts';
import { COMPLETE_DIGIFIN, termsWorld } from './testing/terms-world.ts';

void describe('/api/admin/terms: the administrator reads and accepts the terms', () => {
  let w: Awaited<ReturnType<typeof termsWorld>>;
  before(async () => {
    w = await termsWorld();
  });
  after(async () => {
    await w.t.close();
  });
  const acceptancesOf = (municipalityId: string) =>
    w.db.select().from(termsAcceptances).where(eq(termsAcceptances.municipalityId, municipalityId));
  const accept = async (versionId: string, who: Awaited<ReturnType<typeof w.operator>>) =>
    w.send<TermsStatusResponse & Problem>('POST', `/api/admin/terms/${versionId}/accept`, who);

  void it('records who accepted which version and when, audited, and shows it with the change log', async () => {
    const { municipality, adminRow, admin } = await w.municipalityWithAdmin();
    const special = await w.published('special', '2026-04-01');
    const general = await w.published('general', '2026-04-01');
    const before = await w.send<TermsStatusResponse>('GET', '/api/admin/terms', await admin());
    assert.equal(before.status, 200, before.raw);
    assert.deepEqual(
      before.body.documents.map((d) => [d.document, d.current?.id, d.acceptance, d.overdue]),
      [
        ['general', general.id, null, false],
        ['special', special.id, null, false],
      ],
    );
    assert.deepEqual(before.body.documents[1]?.current?.changes, ['Endret punkt 5.1.']);

    const res = await accept(special.id, await admin());
    assert.equal(res.status, 201, res.raw);
    const doc = res.body.documents.find((d) => d.document === 'special');
    assert.deepEqual(
      [doc?.acceptance?.version, doc?.acceptance?.acceptedByName],
      [special.version, `${adminRow.givenName} ${adminRow.familyName}`],
    );
    const rows = await acceptancesOf(municipality.id);
    assert.deepEqual(
      rows.map((r) => [r.termsVersionId, r.acceptedByPersonnelId]),
      [[special.id, adminRow.id]],
    );
    const entries = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'terms.accept'), eq(auditLog.municipalityId, municipality.id)));
    assert.deepEqual(
      entries.map((e) => [e.actorKind, e.actorId, e.resourceId, e.outcome]),
      [['personnel', adminRow.id, special.id, 'success']],
    );
    const twice = await accept(special.id, await admin());
    assert.deepEqual([twice.status, twice.body.code], [409, 'terms_already_accepted']);
    assert.equal((await acceptancesOf(municipality.id)).length, 1);
  });

  void it('refuses anyone but the municipality’s administrator (403), leaving no acceptance', async () => {
    const { municipality } = await w.municipalityWithAdmin();
    const version = await w.published('special', '2026-04-01');
    const unit = await makeServiceUnit(w.db, municipality.id);
    const nurse = await makePersonnel(w.db, {
      municipalityId: municipality.id,
      serviceUnitId: unit.id,
      role: 'unit_leader',
    });
    const asNurse = await loginAs(w.t.app, {
      kind: 'personnel',
      personnelId: nurse.id,
      municipalityId: municipality.id,
    });
    const refused = await accept(version.id, asNurse);
    assert.deepEqual([refused.status, refused.body.code], [403, 'not_municipal_admin']);
    const read = await w.send<Problem>('GET', '/api/admin/terms', asNurse);
    assert.equal(read.status, 403);
    const operator = await accept(version.id, await w.operator());
    assert.equal(operator.status, 403);
    assert.equal((await acceptancesOf(municipality.id)).length, 0);
  });

  void it('refuses acceptance until DigiFin membership and the paid connection fee are recorded (seed 000 §5.2)', async () => {
    const { municipality, admin } = await w.municipalityWithAdmin({ digifin: false });
    const version = await w.published('special', '2026-04-01');
    const none = await accept(version.id, await admin());
    assert.deepEqual(
      [none.status, none.body.code, none.body.errors?.map((e) => e.path)],
      [
        422,
        'digifin_missing',
        ['digifin.member', 'digifin.feeAmountNok', 'digifin.feeInvoiceReference', 'digifin.feePaidOn'],
      ],
    );
    const digifinUrl = `/api/operator/municipalities/${municipality.id}/digifin`;
    await w.send('PUT', digifinUrl, await w.operator(), { ...COMPLETE_DIGIFIN, feePaidOn: null });
    const unpaid = await accept(version.id, await admin());
    assert.deepEqual(
      [unpaid.status, unpaid.body.code, unpaid.body.errors?.map((e) => e.path)],
      [422, 'digifin_missing', ['digifin.feePaidOn']],
    );
    const status = await w.send<TermsStatusResponse>('GET', '/api/admin/terms', await admin());
    assert.deepEqual(status.body.digifinMissing, ['feePaidOn']);
    assert.equal((await acceptancesOf(municipality.id)).length, 0);

    await w.send('PUT', digifinUrl, await w.operator(), COMPLETE_DIGIFIN);
    const ok = await accept(version.id, await admin());
    assert.equal(ok.status, 201, ok.raw);
    assert.equal((await acceptancesOf(municipality.id)).length, 1);
  });

  void it('refuses a draft (422) and a superseded version (409); the newer one is accepted', async () => {
    const { municipality, admin } = await w.municipalityWithAdmin();
    const draft = await w.draft('special');
    const asDraft = await accept(draft.id, await admin());
    assert.deepEqual([asDraft.status, asDraft.body.code], [422, 'terms_not_published']);
    const older = await w.published('special', '2026-04-01');
    w.clock.advance(60_000);
    const newer = await w.published('special', '2026-04-01');
    const superseded = await accept(older.id, await admin());
    assert.deepEqual([superseded.status, superseded.body.code], [409, 'terms_superseded']);
    const unknown = await accept(crypto.randomUUID(), await admin());
    assert.equal(unknown.status, 404);
    assert.equal((await acceptancesOf(municipality.id)).length, 0);
    const ok = await accept(newer.id, await admin());
    assert.equal(ok.status, 201, ok.raw);
    const special = ok.body.documents.find((d) => d.document === 'special');
    assert.deepEqual(
      [special?.current?.id, special?.history[0]?.id, special?.history[0]?.status],
      [newer.id, older.id, 'superseded'],
    );
  });

  void it('shows the municipality overdue once the accept-by date has passed without acceptance', async () => {
    const late = await w.municipalityWithAdmin();
    const onTime = await w.municipalityWithAdmin();
    w.clock.advance(60_000);
    const version = await w.published('general', w.today());
    assert.equal((await accept(version.id, await onTime.admin())).status, 201);
    w.clock.advance(86_400_000);
    const general = async (admin: () => ReturnType<typeof w.operator>) =>
      (await w.send<TermsStatusResponse>('GET', '/api/admin/terms', await admin())).body.documents.find(
        (d) => d.document === 'general',
      );
    assert.deepEqual([(await general(late.admin))?.overdue, (await general(onTime.admin))?.overdue], [true, false]);
    const operatorView = await w.send<TermsStatusResponse>(
      'GET',
      `/api/operator/municipalities/${late.municipality.id}/terms`,
      await w.operator(),
    );
    assert.equal(operatorView.body.documents.find((d) => d.document === 'general')?.overdue, true);
  });
});
