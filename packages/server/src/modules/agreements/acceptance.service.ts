import type { TermsStatusResponse } from '@helsebro/contracts';
import { audited, recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, ConflictError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import { requireMunicipalAdmin } from '../organisations/index.ts';
import * as repo from './agreements.repository.ts';
import { digifinMissing, toDigifin, toDocumentStatuses, toVersions } from './agreements.view.ts';

const DIGIFIN_FIELD_MESSAGES = {
  member: 'Kommunens medlemskap i DigiFin er ikke registrert.',
  feeAmountNok: 'Beløpet for tilknytningsavgiften er ikke registrert.',
  feeInvoiceReference: 'Fakturareferansen for tilknytningsavgiften er ikke registrert.',
  feePaidOn: 'Tilknytningsavgiften er ikke registrert som betalt.',
} as const;

/**
 * The municipality's terms status: the current general and special terms, whether it accepted each, DigiFin.
 * @param ctx - a context scoped to the municipality (the administrator's own, or the operator's `inThe`)
 */
export async function termsStatusOf(q: Queryable, ctx: RequestContext, today: string): Promise<TermsStatusResponse> {
  const municipalityId = ctx.municipalityId ?? '';
  const [name, rows, municipalityCount, acceptances, digifin] = await Promise.all([
    repo.findMunicipalityName(q, municipalityId),
    repo.listVersions(q),
    repo.countMunicipalities(q),
    repo.acceptancesOf(q, ctx),
    repo.findDigifin(q, ctx),
  ]);
  if (name === null) {
    throw new NotFoundError('Fant ikke kommunen.', 'municipality_not_found');
  }
  return {
    municipalityId,
    municipalityName: name,
    documents: toDocumentStatuses(toVersions(rows, municipalityCount), acceptances, today),
    digifin: toDigifin(digifin),
    digifinMissing: digifinMissing(digifin),
  };
}

export type AcceptanceService = ReturnType<typeof createAcceptanceService>;

/**
 * The municipality administrator's side: read the current terms and accept them (seed 000 §1: a municipality
 * accepts both the general and the special terms; §5.2: accepting commits it to DigiFin membership and the fee).
 * @param platform - the store and the clock
 */
export function createAcceptanceService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  const today = () => osloDateOf(clock.now());

  return {
    async readStatus(ctx: RequestContext): Promise<TermsStatusResponse> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const status = await termsStatusOf(tx, ctx, today());
        // The answer names who accepted (personnel): audited.
        await recordAudit(tx, ctx, {
          action: 'terms.status.read',
          resourceType: 'municipality',
          resourceId: ctx.municipalityId,
        });
        return status;
      });
    },

    /**
     * Records that the administrator accepted the version for the municipality: who, when, which version.
     * @throws ForbiddenError (403) for anyone but the municipality's administrator; UnprocessableError (422)
     *   `terms_not_published` for a draft and `digifin_missing` naming what DigiFin lacks; ConflictError (409)
     *   `terms_superseded` for a version a newer one replaced, `terms_already_accepted` for a second acceptance
     */
    async accept(ctx: RequestContext, versionId: string): Promise<TermsStatusResponse> {
      // A refused acceptance is audited too (denied or error): who tried to bind the municipality, and when.
      const entry: AuditEntry = { action: 'terms.accept', resourceType: 'terms_version', resourceId: versionId };
      return audited(db, ctx, entry, async (tx) => {
        const personnelId = await requireMunicipalAdmin(tx, ctx);
        const version = await repo.findVersion(tx, versionId);
        if (!version) {
          throw new NotFoundError('Fant ikke vilkårsversjonen.', 'terms_not_found');
        }
        if (version.status === 'draft') {
          const message = 'Versjonen er et utkast og kan ikke godtas før den er publisert.';
          throw new UnprocessableError(message, [{ path: 'versionId', message }], 'terms_not_published');
        }
        if ((await repo.currentVersion(tx, version.document)) !== version.id) {
          throw new ConflictError(
            'En nyere versjon av vilkårene er publisert. Godta den i stedet.',
            'terms_superseded',
          );
        }
        const missing = digifinMissing(await repo.findDigifin(tx, ctx));
        if (missing.length > 0) {
          throw new AppError(
            422,
            'digifin_missing',
            'Kommunen kan ikke godta vilkårene før DigiFin-medlemskapet og betalt tilknytningsavgift er registrert (spesielle bruksvilkår punkt 5.2). Driftsoperatøren registrerer dette.',
            missing.map((m) => ({ path: `digifin.${m}`, message: DIGIFIN_FIELD_MESSAGES[m] })),
            { missing },
          );
        }
        if (!(await repo.insertAcceptance(tx, ctx, version.id, personnelId))) {
          throw new ConflictError('Kommunen har allerede godtatt denne versjonen.', 'terms_already_accepted');
        }
        entry.details = { document: version.document, version: version.version };
        return termsStatusOf(tx, ctx, today());
      });
    },
  };
}
