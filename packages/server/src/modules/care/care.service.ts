import {
  EMERGENCY_REASON_MIN_LENGTH,
  isValidNin,
  type CareRelationItem,
  type EmergencyAccessResponse,
  type HealthContactsResponse,
  type HospitalReviewResponse,
  type StaffCitizenResponse,
  type StaffCitizensResponse,
} from '@helsebro/contracts';
import { audited, auditedRead, recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { requireAction } from '../../platform/http/access.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { ageOn, osloDate } from '../representation/index.ts';
import { activeServicesByMunicipality } from '../services/index.ts';
import * as repo from './care.repository.ts';
import { admissionToReview, hospitalStatesOf, markAdmissionReviewed } from './hospital-state.repository.ts';

/** How long an emergency access grant lasts: long enough for an acute situation, short enough to be exceptional. */
export const EMERGENCY_ACCESS_HOURS = 4;

export type CitizenSelector = { nin?: string | undefined; personId?: string | undefined };

/** An id no person has: what an unknown person's access is checked under. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

const strip = ({ personId: _p, ...r }: repo.CareRelation): CareRelationItem => r;

/**
 * Care relations and the access they give: the citizen's health contacts (for whoever acts for them, area
 * Digitale helsetjenester), and the staff routes — my citizens, a citizen's profile on a care relation in my
 * municipality (tjenstlig behov) or under emergency access. Every read is audited with the citizen as subject,
 * and so is every refusal.
 * @param platform - store and clock
 */
export function createCareService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  const staffContext = async (ctx: RequestContext) => {
    if (ctx.actor.kind !== 'personnel') {
      throw new ForbiddenError('Dette er for helsepersonell.', 'wrong_role');
    }
    const role = await repo.staffRole(db, ctx, ctx.actor.personnelId);
    if (!role) {
      // The administrator role alone (or no role here) is no care role: no citizen's data, no emergency access.
      throw new ForbiddenError('Dette er for helsepersonell i kommunens enheter.', 'not_health_personnel');
    }
    return { personnelId: ctx.actor.personnelId, details: { role: role.role, unit: role.unit } };
  };

  /**
   * The person the selector names, or null. A malformed identity number is refused: its check digits are public
   * arithmetic, so saying so tells nothing about who is registered.
   */
  const citizenBy = async (selector: CitizenSelector): Promise<repo.Citizen | null> => {
    const nin = selector.nin?.replace(/[\s.]/g, '');
    if (nin !== undefined && !isValidNin(nin)) {
      throw new ValidationError(
        'Fødselsnummeret er ikke gyldig. Det skal ha 11 siffer med riktige kontrollsiffer.',
        [{ path: 'nin', message: 'ugyldig fødselsnummer' }],
        'nin_invalid',
      );
    }
    return repo.findCitizen(db, nin !== undefined ? { nin } : { id: selector.personId ?? '' });
  };

  return {
    /**
     * "Gjennomgått" (issue 15): a health worker with a role in a unit that serves the citizen (an active care
     * relation today) has reviewed the plan after the hospital discharge, so the prompt leaves the unit's lists.
     * Who and when are kept on the admission and audited with the citizen as subject; staff of other units are
     * refused (403 no_care_relation, audited as denied), and with no review due it is 409 no_review_pending.
     * @param ctx - a personnel context
     * @param personId - the citizen
     */
    async reviewAfterDischarge(ctx: RequestContext, personId: string): Promise<HospitalReviewResponse> {
      const staff = await staffContext(ctx);
      const now = clock.now();
      const entry: AuditEntry = {
        action: 'hospital_admission.review',
        resourceType: 'hospital_admission',
        subjectPersonId: personId,
        details: staff.details,
      };
      return audited(db, ctx, entry, async (tx) => {
        const mine = await repo.activeRelationsInMyUnits(tx, ctx, staff.personnelId, osloDate(now));
        if (!mine.some((r) => r.personId === personId)) {
          throw new ForbiddenError(
            'Bare helsepersonell i en enhet som gir personen tjenester, kan gå gjennom planen.',
            'no_care_relation',
          );
        }
        const admission = await admissionToReview(tx, ctx, personId);
        const done = admission && (await markAdmissionReviewed(tx, admission.id, staff.personnelId, now));
        if (!admission || !done) {
          throw new ConflictError('Det er ingen utskrivning å gå gjennom for denne personen.', 'no_review_pending');
        }
        entry.resourceId = admission.id;
        return { personId, reviewedAt: done.reviewedAt.toISOString() };
      });
    },

    /**
     * The acting-for person's current and former health contacts, in every municipality.
     * @param ctx - a citizen's context; needs `health_contacts.read`
     */
    async healthContacts(ctx: RequestContext): Promise<HealthContactsResponse> {
      const today = osloDate(clock.now());
      // The check runs inside the audited read, so a refusal is in the principal's log as denied.
      const relations = await auditedRead(
        db,
        ctx,
        { action: 'health_contacts.read', resourceType: 'care_relation', subjectPersonId: ctx.actingForPersonId },
        async (q) => {
          const all = await repo.relationsOfCitizen(q, requireAction(ctx, 'health_contacts.read').principalId, today);
          // Only municipalities with the health contacts service active (seed 000 §5.1); the others are left out.
          const active = await activeServicesByMunicipality(
            q,
            all.map((r) => r.municipality.id),
          );
          return all.filter((r) => active.get(r.municipality.id)?.has('health_contacts'));
        },
      );
      return {
        current: relations.filter((r) => r.active).map(strip),
        former: relations.filter((r) => !r.active).map(strip),
      };
    },

    /**
     * Citizens with a care relation active today in the staff member's units. Each listed citizen gets an entry
     * in their access log ("så deg i pasientlisten").
     * @param ctx - a personnel context
     */
    async listMyCitizens(ctx: RequestContext): Promise<StaffCitizensResponse> {
      const staff = await staffContext(ctx);
      const today = osloDate(clock.now());
      const relations = await repo.activeRelationsInMyUnits(db, ctx, staff.personnelId, today);
      const ids = [...new Set(relations.map((r) => r.personId))];
      const citizens = await Promise.all(ids.map((id) => repo.findCitizen(db, { id })));
      const hospital = await hospitalStatesOf(db, ctx, ids);
      await db.transaction(async (tx) => {
        for (const id of ids) {
          await recordAudit(tx, ctx, {
            action: 'staff.citizens.list',
            resourceType: 'person',
            resourceId: id,
            subjectPersonId: id,
            details: staff.details,
          });
        }
      });
      const list = citizens
        .filter((c): c is repo.Citizen => c !== null)
        .map((c) => ({
          personId: c.id,
          displayName: `${c.givenName} ${c.familyName}`,
          birthDate: c.birthDate,
          age: ageOn(c.birthDate, today),
          careRelations: relations.filter((r) => r.personId === c.id).map(strip),
          hospital: hospital.get(c.id) ?? null,
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
      return { citizens: list };
    },

    /**
     * A citizen's profile and care relations here: on an active care relation in the caller's municipality, or
     * under the caller's unexpired emergency access grant (then audited as emergency with the stated reason).
     * Otherwise 403 `no_care_relation`, audited as denied so the citizen sees the attempt — and the same 403, after
     * the same queries, for a person nobody has: staff must not learn who is registered by looking numbers up
     * (issue 10). The refusal for nobody is audited without a subject, so the municipality sees the attempts too.
     * @param ctx - a personnel context
     * @param selector - identity number or person id
     */
    async readCitizen(ctx: RequestContext, selector: CitizenSelector): Promise<StaffCitizenResponse> {
      const staff = await staffContext(ctx);
      const found = await citizenBy(selector);
      const now = clock.now();
      const today = osloDate(now);
      // Nobody is checked under an id no person has, so both refusals cost the same queries (no timing oracle).
      const personId = found?.id ?? NOBODY;
      const related = await repo.hasActiveRelation(db, ctx, personId, today);
      const grant = related ? null : await repo.findActiveGrant(db, ctx, staff.personnelId, personId, now);
      const readCtx: RequestContext = grant ? { ...ctx, purpose: 'emergency', emergencyReason: grant.reason } : ctx;
      const entry: AuditEntry = {
        action: 'staff.citizen.read',
        resourceType: 'person',
        resourceId: found?.id ?? null,
        subjectPersonId: found?.id ?? null,
        details: { ...staff.details, basis: related ? 'care_relation' : grant ? 'emergency' : null },
      };
      const { citizen, relations } = await auditedRead(db, readCtx, entry, async (q) => {
        if (!found || (!related && !grant)) {
          throw new ForbiddenError(
            selector.nin !== undefined
              ? 'Du har ikke tjenstlig behov: ingen med dette fødselsnummeret får tjenester fra kommunen din. Sjekk at nummeret er riktig, eller bruk akuttilgang med begrunnelse hvis det er nødvendig.'
              : 'Du har ikke tjenstlig behov: ingen med denne id-en får tjenester fra kommunen din. Bruk akuttilgang med begrunnelse hvis det er nødvendig.',
            'no_care_relation',
          );
        }
        return { citizen: found, relations: await repo.relationsInMunicipality(q, ctx, found.id, today) };
      });
      const hidden = citizen.addressProtection !== 'none';
      return {
        citizen: {
          personId: citizen.id,
          nin: citizen.nin,
          givenName: citizen.givenName,
          familyName: citizen.familyName,
          birthDate: citizen.birthDate,
          age: ageOn(citizen.birthDate, today),
          streetAddress: hidden ? null : citizen.streetAddress,
          postalCode: hidden ? null : citizen.postalCode,
          postalPlace: hidden ? null : citizen.postalPlace,
          addressProtected: hidden,
          deceasedOn: citizen.deceasedOn,
          municipality: citizen.municipality,
        },
        careRelations: relations.map(strip),
        access: {
          basis: grant ? 'emergency' : 'care_relation',
          emergency: grant
            ? { grantId: grant.id, reason: grant.reason, expiresAt: grant.expiresAt.toISOString() }
            : null,
        },
      };
    },

    /**
     * Emergency access ("break the glass"): a grant for EMERGENCY_ACCESS_HOURS with the stated reason, audited as
     * emergency and shown to the citizen in their access log.
     * @param ctx - a personnel context
     * @param selector - identity number or person id
     * @param reason - why; at least EMERGENCY_REASON_MIN_LENGTH characters
     */
    async grantEmergencyAccess(
      ctx: RequestContext,
      selector: CitizenSelector,
      reason: string,
    ): Promise<EmergencyAccessResponse> {
      const staff = await staffContext(ctx);
      const stated = reason.trim().replace(/\s+/g, ' ');
      // Characters as PostgreSQL counts them (code points, the table's CHECK): `length` counts an emoji twice.
      if ([...stated].length < EMERGENCY_REASON_MIN_LENGTH) {
        throw new ValidationError(
          `Skriv hvorfor du trenger akuttilgang (minst ${EMERGENCY_REASON_MIN_LENGTH} tegn). Begrunnelsen vises for personen.`,
          [{ path: 'reason', message: 'for kort' }],
          'emergency_reason_required',
        );
      }
      const citizen = await citizenBy(selector);
      const now = clock.now();
      const emergencyCtx: RequestContext = { ...ctx, purpose: 'emergency', emergencyReason: stated };
      if (!citizen) {
        // Only here, once a reason is stated and the glass is broken, does staff learn that nobody has the number.
        // A grant on a registered person is shown to them; an attempt on nobody is kept for the municipality.
        await recordAudit(
          db,
          emergencyCtx,
          { action: 'emergency_access.grant', resourceType: 'emergency_access', details: staff.details },
          'denied',
        );
        throw new NotFoundError('Fant ingen person med dette fødselsnummeret i folkeregisteret.', 'citizen_not_found');
      }
      const grant = await db.transaction(async (tx) => {
        const row = await repo.insertGrant(tx, {
          municipalityId: ctx.municipalityId ?? '',
          personnelId: staff.personnelId,
          personId: citizen.id,
          reason: stated,
          grantedAt: now,
          expiresAt: new Date(now.getTime() + EMERGENCY_ACCESS_HOURS * 3_600_000),
        });
        await recordAudit(tx, emergencyCtx, {
          action: 'emergency_access.grant',
          resourceType: 'emergency_access',
          resourceId: row.id,
          subjectPersonId: citizen.id,
          details: { ...staff.details, expiresAt: row.expiresAt.toISOString() },
        });
        return row;
      });
      return {
        grantId: grant.id,
        personId: citizen.id,
        displayName: `${citizen.givenName} ${citizen.familyName}`,
        reason: grant.reason,
        grantedAt: grant.grantedAt.toISOString(),
        expiresAt: grant.expiresAt.toISOString(),
      };
    },
  };
}

export type CareService = ReturnType<typeof createCareService>;
