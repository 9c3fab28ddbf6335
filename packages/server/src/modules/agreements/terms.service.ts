import {
  TERMS_PAGE_SIZE,
  type DigifinBody,
  type KsConsultationBody,
  type PublishTermsBody,
  type TermsAcceptancesPage,
  type TermsAcceptancesQuery,
  type TermsDraftBody,
  type TermsStatusResponse,
  type TermsVersion,
  type TermsVersionsResponse,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { reasonDetails } from '../../platform/audit/reason.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import { termsStatusOf } from './acceptance.service.ts';
import * as repo from './agreements.repository.ts';
import { isOverdue, toVersions } from './agreements.view.ts';

function requireOperator(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'operator') {
    throw new ForbiddenError('Bare driftsoperatøren kan forvalte vilkårene.', 'wrong_role');
  }
}

/** The operator's entries about one municipality name it, so its own access log shows them. */
const inThe = (ctx: RequestContext, municipalityId: string): RequestContext => ({ ...ctx, municipalityId });

const refuse = (path: string, message: string, code: string) =>
  new UnprocessableError(message, [{ path, message }], code);

export type TermsService = ReturnType<typeof createTermsService>;

/**
 * The operator's use cases for the terms: drafts with their change logs, the KS consultation, publishing with the
 * date municipalities must accept by, who has accepted; and each municipality's DigiFin record.
 * @param platform - the store and the clock
 */
export function createTermsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  const today = () => osloDateOf(clock.now());

  async function versionView(q: Queryable, id: string): Promise<TermsVersion> {
    const all = toVersions(await repo.listVersions(q), await repo.countMunicipalities(q));
    const found = all.find((v) => v.id === id);
    if (!found) {
      throw new NotFoundError('Fant ikke vilkårsversjonen.', 'terms_not_found');
    }
    return found;
  }

  async function existingMunicipality(q: Queryable, municipalityId: string): Promise<void> {
    if ((await repo.findMunicipalityName(q, municipalityId)) === null) {
      throw new NotFoundError('Fant ikke kommunen.', 'municipality_not_found');
    }
  }

  return {
    async listVersions(ctx: RequestContext): Promise<TermsVersionsResponse> {
      requireOperator(ctx);
      return { items: toVersions(await repo.listVersions(db), await repo.countMunicipalities(db)) };
    },

    /** @throws AppError 409 naming `version` when the document already has that version */
    async createDraft(ctx: RequestContext, body: TermsDraftBody): Promise<TermsVersion> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        if (await repo.findVersionByLabel(tx, body.document, body.version)) {
          const message = 'Dokumentet har allerede en versjon med dette nummeret.';
          throw new AppError(409, 'terms_version_exists', message, [{ path: 'version', message }]);
        }
        const row = await repo.insertVersion(tx, {
          document: body.document,
          version: body.version,
          versionDate: body.date,
          changes: body.changes,
          significant: body.significant,
        });
        await recordAudit(tx, ctx, {
          action: 'terms.create',
          resourceType: 'terms_version',
          resourceId: row.id,
          details: {
            document: row.document,
            version: row.version,
            significant: row.significant,
            ...reasonDetails(body.reason),
          },
        });
        return versionView(tx, row.id);
      });
    },

    /**
     * Records the KS consultation on a draft (seed 000 §5.3: KS is involved early in significant changes).
     * @throws ConflictError (409) when the version is already published
     */
    async recordKsConsultation(ctx: RequestContext, id: string, body: KsConsultationBody): Promise<TermsVersion> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        const row = await repo.setKsConsultation(tx, id, {
          ksSentOn: body.sentOn,
          ksAnswer: body.answer || null,
          ksAnsweredOn: body.answer ? (body.answeredOn ?? null) : null,
        });
        if (!row) {
          await versionView(tx, id);
          throw new ConflictError('Versjonen er publisert; høringen kan ikke endres.', 'terms_not_draft');
        }
        await recordAudit(tx, ctx, {
          action: 'terms.ks_consultation.record',
          resourceType: 'terms_version',
          resourceId: row.id,
          details: { answered: row.ksAnswer !== null, ...reasonDetails(body.reason) },
        });
        return versionView(tx, row.id);
      });
    },

    /**
     * Publishes a draft and asks every municipality to accept it by `acceptBy`.
     * @throws UnprocessableError (422) `ks_consultation_missing` for a significant change without KS's answer
     *   recorded (seed 000 §5.3), `accept_by_past` for a date before today; ConflictError (409) when published
     */
    async publish(ctx: RequestContext, id: string, body: PublishTermsBody): Promise<TermsVersion> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        const draft = await repo.findVersion(tx, id);
        if (!draft) {
          throw new NotFoundError('Fant ikke vilkårsversjonen.', 'terms_not_found');
        }
        if (draft.status !== 'draft') {
          throw new ConflictError('Versjonen er allerede publisert.', 'terms_already_published');
        }
        if (draft.significant && !draft.ksAnswer) {
          throw refuse(
            draft.ksSentOn ? 'ksConsultation.answer' : 'ksConsultation',
            'En vesentlig endring kan ikke publiseres før KS har hatt den på høring og svaret er registrert.',
            'ks_consultation_missing',
          );
        }
        if (body.acceptBy < today()) {
          throw refuse('acceptBy', 'Fristen for å godta kan ikke ligge før i dag.', 'accept_by_past');
        }
        const row = await repo.publishVersion(tx, id, body.acceptBy, clock.now());
        if (!row) {
          throw new ConflictError('Versjonen er allerede publisert.', 'terms_already_published');
        }
        await recordAudit(tx, ctx, {
          action: 'terms.publish',
          resourceType: 'terms_version',
          resourceId: row.id,
          details: {
            document: row.document,
            version: row.version,
            acceptBy: body.acceptBy,
            ...reasonDetails(body.reason),
          },
        });
        return versionView(tx, row.id);
      });
    },

    /** Which municipalities have and have not accepted the version; paged and searchable. */
    async listAcceptances(
      ctx: RequestContext,
      id: string,
      query: TermsAcceptancesQuery,
    ): Promise<TermsAcceptancesPage> {
      requireOperator(ctx);
      const version = await versionView(db, id);
      const { rows, total } = await repo.acceptancesOfVersion(db, id, {
        search: query.q || undefined,
        accepted: query.accepted,
        offset: (query.page - 1) * TERMS_PAGE_SIZE,
        limit: TERMS_PAGE_SIZE,
      });
      const current = version.status === 'published' ? version : null;
      return {
        version,
        items: rows.map((r) => ({
          municipalityId: r.municipalityId,
          name: r.name,
          number: r.number,
          acceptedAt: r.acceptedAt?.toISOString() ?? null,
          overdue: isOverdue(current, r.acceptedAt !== null, today()),
        })),
        total,
        page: query.page,
        pageSize: TERMS_PAGE_SIZE,
      };
    },

    async readMunicipalityStatus(ctx: RequestContext, municipalityId: string): Promise<TermsStatusResponse> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        const status = await termsStatusOf(tx, inThe(ctx, municipalityId), today());
        // The answer names who accepted (personnel): audited.
        await recordAudit(tx, inThe(ctx, municipalityId), {
          action: 'terms.status.read',
          resourceType: 'municipality',
          resourceId: municipalityId,
        });
        return status;
      });
    },

    /**
     * Records DigiFin membership and the connection fee (seed 000 §5.2). The operator records it because the
     * operator invoices the connection fee and sees it paid; the administrator only reads it.
     */
    async recordDigifin(ctx: RequestContext, municipalityId: string, body: DigifinBody): Promise<TermsStatusResponse> {
      requireOperator(ctx);
      const scoped = inThe(ctx, municipalityId);
      return db.transaction(async (tx) => {
        await existingMunicipality(tx, municipalityId);
        await repo.upsertDigifin(tx, scoped, {
          member: body.member,
          memberSince: body.member ? (body.memberSince ?? null) : null,
          feeAmountNok: body.feeAmountNok ?? null,
          feeInvoiceReference: body.feeInvoiceReference ?? null,
          feePaidOn: body.feePaidOn ?? null,
        });
        await recordAudit(tx, scoped, {
          action: 'digifin.update',
          resourceType: 'municipality',
          resourceId: municipalityId,
          details: { member: body.member, feePaid: Boolean(body.feePaidOn), ...reasonDetails(body.reason) },
        });
        return termsStatusOf(tx, scoped, today());
      });
    },
  };
}
