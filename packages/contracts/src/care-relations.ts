import { z } from 'zod';
import { isoCalendarDate, isoInstant } from './dates.ts';

/**
 * Care relations managed by the unit (issue 12): "receives services from this unit", registered and ended by the
 * unit's staff or the municipality's EPJ.
 *
 *   GET  /api/staff/units/:unitId/care-relations            unitCareRelationsQuery → unitCareRelationsResponse
 *   POST /api/staff/units/:unitId/care-relations            registerCareRelationBody → 201 unitCareRelation
 *   POST /api/staff/units/:unitId/care-relations/:id/end    endCareRelationBody → unitCareRelation
 *   POST /epj/v1/care-relations                             epjRegisterCareRelationBody → 201 unitCareRelation
 *   POST /epj/v1/care-relations/:id/end                     endCareRelationBody → unitCareRelation
 *   GET  /epj/v1/care-relations/changes                     careRelationChangesQuery → careRelationChangesResponse
 */

const date = isoCalendarDate;

export const CARE_RELATION_END_REASONS = [
  'services_completed',
  'moved',
  'deceased',
  'transferred',
  'registered_in_error',
  'other',
] as const;
export const careRelationEndReason = z.enum(CARE_RELATION_END_REASONS);
export type CareRelationEndReason = z.infer<typeof careRelationEndReason>;

export const CARE_RELATIONS_PAGE_SIZE = 25;

export const unitCareRelationParams = z.object({ unitId: z.uuid() });
export const unitCareRelationIdParams = z.object({ unitId: z.uuid(), id: z.uuid() });

export const unitCareRelationsQuery = z.object({
  /** Part of the name (given or family name). */
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'ended', 'all']).default('active'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type UnitCareRelationsQuery = z.input<typeof unitCareRelationsQuery>;

export const registerCareRelationBody = z.object({
  /** Fødselsnummer; in the body, never in a URL. */
  nin: z.string().max(20),
  validFrom: date,
  validTo: date.nullable().optional(),
  primaryContactId: z.uuid().nullable().optional(),
});
export type RegisterCareRelationBody = z.infer<typeof registerCareRelationBody>;

export const epjRegisterCareRelationBody = registerCareRelationBody.extend({ serviceUnitId: z.uuid() });
export type EpjRegisterCareRelationBody = z.infer<typeof epjRegisterCareRelationBody>;

export const endCareRelationBody = z.object({
  /** The last day the person receives services (today or earlier ends it at once). */
  validTo: date,
  reason: careRelationEndReason,
});
export type EndCareRelationBody = z.infer<typeof endCareRelationBody>;

export const unitCareRelation = z.object({
  id: z.string(),
  serviceUnitId: z.string(),
  person: z.object({ personId: z.string(), displayName: z.string(), birthDate: date }),
  validFrom: date,
  validTo: date.nullable(),
  active: z.boolean(),
  primaryContact: z.object({ personnelId: z.string(), displayName: z.string() }).nullable(),
  endReason: careRelationEndReason.nullable(),
  updatedAt: z.string(),
});
export type UnitCareRelation = z.infer<typeof unitCareRelation>;

export const unitCareRelationsResponse = z.object({
  items: z.array(unitCareRelation),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UnitCareRelationsResponse = z.infer<typeof unitCareRelationsResponse>;

export const careRelationChangesQuery = z.object({
  /** Changes after this instant (ISO 8601 with offset); from the start when left out. */
  since: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const careRelationChangesResponse = z.object({
  items: z.array(unitCareRelation),
  /** Pass as `since` for the next page (the last item's updatedAt); null when nothing changed. */
  next: z.string().nullable(),
});
export type CareRelationChangesResponse = z.infer<typeof careRelationChangesResponse>;
