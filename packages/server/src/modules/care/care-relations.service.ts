import {
  CARE_RELATIONS_PAGE_SIZE,
  isValidNin,
  type CareRelationChangesResponse,
  type EndCareRelationBody,
  type RegisterCareRelationBody,
  type UnitCareRelation,
  type UnitCareRelationsResponse,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireUnitStaff, unitsOfStaff, type UnitAccess } from '../organisations/index.ts';
import { osloDate } from '../representation/index.ts';
import * as repo from './care-relations.repository.ts';
import { findCitizen } from './care.repository.ts';

const view = (r: repo.UnitRelationRow, today: string): UnitCareRelation => ({
  id: r.id,
  serviceUnitId: r.serviceUnitId,
  person: { personId: r.personId, displayName: `${r.givenName} ${r.familyName}`, birthDate: r.birthDate },
  validFrom: r.validFrom,
  validTo: r.validTo,
  active: r.validFrom <= today && (r.validTo === null || today <= r.validTo),
  primaryContact: r.primaryId && r.primaryName ? { personnelId: r.primaryId, displayName: r.primaryName } : null,
  endReason: r.endReason,
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Care relations managed by the unit (issue 12): the unit's staff — or the municipality's EPJ, which acts for
 * every unit — register that a person receives services from the unit, end it with a reason, and list the unit's
 * relations. Each change is audited with the person as subject (they see it in their access log), and each listed
 * person gets a list entry, as on "my citizens".
 * @param platform - store and clock
 */
export function createCareRelationsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  const epj = { epj: true };
  const actorDetails = (a: UnitAccess) => ({ role: a.role, unit: a.unit.name });

  return {
    /**
     * Registers "receives services from this unit" for the person with the identity number. Registering a
     * registered person is the point, so an unknown number is answered 404 — audited without a subject, so the
     * municipality sees lookups of numbers nobody has (issue 10).
     * @param ctx - unit staff, or the municipality's EPJ
     */
    async register(ctx: RequestContext, unitId: string, body: RegisterCareRelationBody): Promise<UnitCareRelation> {
      const access = await requireUnitStaff(db, ctx, unitId, epj);
      const today = osloDate(clock.now());
      const nin = body.nin.replace(/[\s.]/g, '');
      if (!isValidNin(nin)) {
        throw new ValidationError(
          'Fødselsnummeret er ikke gyldig. Det skal ha 11 siffer med riktige kontrollsiffer.',
          [{ path: 'nin', message: 'ugyldig fødselsnummer' }],
          'nin_invalid',
        );
      }
      const validTo = body.validTo ?? null;
      if (validTo !== null && validTo < body.validFrom) {
        throw new ValidationError('Sluttdatoen kan ikke være før startdatoen.', [
          { path: 'validTo', message: 'før startdatoen' },
        ]);
      }
      const entry = { action: 'care_relation.create', resourceType: 'care_relation' } as const;
      const person = await findCitizen(db, { nin });
      if (!person) {
        await recordAudit(db, ctx, { ...entry, details: actorDetails(access) }, 'denied');
        throw new NotFoundError('Fant ingen person med dette fødselsnummeret i folkeregisteret.', 'citizen_not_found');
      }
      if (person.deceasedOn !== null && person.deceasedOn <= body.validFrom) {
        throw new UnprocessableError(
          'Personen er registrert som død før startdatoen.',
          [{ path: 'validFrom', message: 'etter dødsdatoen' }],
          'person_deceased',
        );
      }
      const primaryContactId = body.primaryContactId ?? null;
      if (primaryContactId && !(await repo.worksInUnit(db, ctx, primaryContactId, unitId))) {
        throw new UnprocessableError(
          'Primærkontakten må arbeide i enheten.',
          [{ path: 'primaryContactId', message: 'arbeider ikke i enheten' }],
          'primary_contact_not_in_unit',
        );
      }
      const id = await db.transaction(async (tx) => {
        if (await repo.overlapping(tx, ctx, { unitId, personId: person.id, validFrom: body.validFrom, validTo })) {
          throw new ConflictError(
            'Personen mottar allerede tjenester fra enheten i denne perioden.',
            'care_relation_exists',
          );
        }
        const created = await repo.insertRelation(tx, {
          municipalityId: access.unit.municipalityId,
          personId: person.id,
          serviceUnitId: unitId,
          primaryContactId,
          validFrom: body.validFrom,
          validTo,
          createdByPersonnelId: access.personnelId,
        });
        await recordAudit(tx, ctx, {
          ...entry,
          resourceId: created,
          subjectPersonId: person.id,
          details: { ...actorDetails(access), validFrom: body.validFrom, validTo },
        });
        return created;
      });
      return view((await repo.unitRelation(db, ctx, unitId, id))!, today);
    },

    /**
     * Ends a care relation: its last day and why. An ended relation cannot be ended again.
     * @param ctx - unit staff, or the municipality's EPJ
     * @param unitId - the unit; null for the EPJ, which names only the relation
     */
    async end(
      ctx: RequestContext,
      unitId: string | null,
      id: string,
      body: EndCareRelationBody,
    ): Promise<UnitCareRelation> {
      const unit = unitId ?? (await repo.unitOfRelation(db, ctx, id));
      if (!unit) {
        throw new NotFoundError('Fant ikke tjenesteforholdet i kommunen.', 'care_relation_not_found');
      }
      const access = await requireUnitStaff(db, ctx, unit, epj);
      const today = osloDate(clock.now());
      const before = await repo.unitRelation(db, ctx, unit, id);
      if (!before) {
        throw new NotFoundError('Fant ikke tjenesteforholdet i enheten.', 'care_relation_not_found');
      }
      if (before.endReason !== null || (before.validTo !== null && before.validTo < today)) {
        throw new ConflictError('Tjenesteforholdet er allerede avsluttet.', 'care_relation_ended');
      }
      if (body.validTo < before.validFrom) {
        throw new UnprocessableError(
          'Sluttdatoen kan ikke være før startdatoen.',
          [{ path: 'validTo', message: 'før startdatoen' }],
          'care_relation_end_before_start',
        );
      }
      await db.transaction(async (tx) => {
        await repo.endRelation(tx, ctx, id, {
          validTo: body.validTo,
          endReason: body.reason,
          endedByPersonnelId: access.personnelId,
          endedAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'care_relation.end',
          resourceType: 'care_relation',
          resourceId: id,
          subjectPersonId: before.personId,
          details: { ...actorDetails(access), validTo: body.validTo, reason: body.reason },
        });
      });
      return view((await repo.unitRelation(db, ctx, unit, id))!, today);
    },

    /**
     * A page of the unit's care relations, searchable by name; each listed person gets an access-log entry.
     * @param ctx - unit staff
     */
    async list(
      ctx: RequestContext,
      unitId: string,
      query: { q?: string | undefined; status: 'active' | 'ended' | 'all'; page: number },
    ): Promise<UnitCareRelationsResponse> {
      const access = await requireUnitStaff(db, ctx, unitId);
      const today = osloDate(clock.now());
      const { rows, total } = await repo.unitRelations(
        db,
        ctx,
        { unitId, q: query.q, status: query.status, today },
        { limit: CARE_RELATIONS_PAGE_SIZE, offset: (query.page - 1) * CARE_RELATIONS_PAGE_SIZE },
      );
      await db.transaction(async (tx) => {
        for (const personId of new Set(rows.map((r) => r.personId))) {
          await recordAudit(tx, ctx, {
            action: 'care_relation.list',
            resourceType: 'person',
            resourceId: personId,
            subjectPersonId: personId,
            details: actorDetails(access),
          });
        }
      });
      return {
        items: rows.map((r) => view(r, today)),
        total,
        page: query.page,
        pageSize: CARE_RELATIONS_PAGE_SIZE,
      };
    },

    /**
     * The municipality's care relations changed after an instant, for the EPJ to keep its copy in step.
     * @param ctx - the municipality's EPJ
     */
    async changes(ctx: RequestContext, since: string | undefined, limit: number): Promise<CareRelationChangesResponse> {
      await unitsOfStaff(db, ctx, epj);
      const today = osloDate(clock.now());
      const rows = await repo.changedSince(db, ctx, since ? new Date(since) : null, limit);
      const items = rows.map((r) => view(r, today));
      return { items, next: items.at(-1)?.updatedAt ?? null };
    },
  };
}

export type CareRelationsService = ReturnType<typeof createCareRelationsService>;
