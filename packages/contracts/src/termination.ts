import { z } from 'zod';
import { isoCalendarDate } from './dates.ts';

/**
 * Termination (issue 12; seed 000 §6) and the municipality export.
 *
 * Municipality administrator (/api/admin):
 *   GET  /export                         → application/zip (JSON + CSV per table, attachments, manifest.json)
 *   GET  /terminations                   → terminationsResponse (the municipality's notices and wind-downs)
 *   POST /terminations/preview           noticeBody → noticePreview (nothing stored: the date to confirm)
 *   POST /terminations                   noticeConfirmBody → 201 termination
 * Operator (/api/operator):
 *   GET  /wind-downs                     → windDownsResponse
 *   POST /wind-downs                     windDownBody → 201 windDown
 *   GET  /terminations?q=&page=          → terminationPage (every municipality's, searchable by municipality)
 * Citizen:
 *   GET  /api/me/service-notices         → serviceNoticesResponse
 */

export const TERMINATION_KINDS = ['municipality_notice', 'operator_wind_down'] as const;
export type TerminationKind = (typeof TERMINATION_KINDS)[number];
export const TERMINATION_PAGE_SIZE = 25;
/** Seed 000 §6: the operator winds down with at least six months' notice to the municipalities. */
export const WIND_DOWN_MIN_MONTHS = 6;
/** Seed 000 §6: the municipality terminates with one month's written notice. */
export const MUNICIPALITY_NOTICE_MIN_MONTHS = 1;

const serviceCode = z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'Koden kan ha små bokstaver, tall, _ og punktum.');
const text = (max: number) => z.string().trim().min(1).max(max);

/** Notice for the named services, or for every service the municipality has (services left out). */
export const noticeBody = z.object({
  services: z.array(serviceCode).min(1).max(50).nullish(),
  /** The date asked for; without one the earliest the notice allows. */
  effectiveDate: isoCalendarDate.nullish(),
  reason: text(1000),
});
export type NoticeBody = z.infer<typeof noticeBody>;

/** The confirmation repeats the date the preview showed, so what is stored is what the administrator saw. */
export const noticeConfirmBody = noticeBody.extend({ effectiveDate: isoCalendarDate });
export type NoticeConfirmBody = z.infer<typeof noticeConfirmBody>;

export const noticePreview = z.object({
  noticeDate: z.string(),
  earliestEffectiveDate: z.string(),
  effectiveDate: z.string(),
  services: z.array(z.string()),
});
export type NoticePreview = z.infer<typeof noticePreview>;

export const termination = z.object({
  id: z.string(),
  kind: z.enum(TERMINATION_KINDS),
  municipalityId: z.string(),
  municipalityName: z.string(),
  services: z.array(z.string()),
  noticeDate: z.string(),
  effectiveDate: z.string(),
  reason: z.string(),
  instructionReference: z.string().nullable(),
  givenAt: z.string(),
  /** When the services were ended (the effective date's run), null before. */
  endedAt: z.string().nullable(),
});
export type Termination = z.infer<typeof termination>;
export const terminationsResponse = z.object({ items: z.array(termination) });
export type TerminationsResponse = z.infer<typeof terminationsResponse>;
export const terminationPage = z.object({
  items: z.array(termination),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TerminationPage = z.infer<typeof terminationPage>;

/**
 * The instruction reference is optional in the schema so that its absence is the service's 422
 * `instruction_reference_missing` (seed 000 §6), not a bare 400.
 */
export const windDownBody = z.object({
  serviceCode,
  instructionReference: z.string().trim().max(300).nullish(),
  effectiveDate: isoCalendarDate,
  reason: text(1000),
});
export type WindDownBody = z.infer<typeof windDownBody>;

export const windDown = z.object({
  id: z.string(),
  serviceCode: z.string(),
  instructionReference: z.string(),
  noticeDate: z.string(),
  effectiveDate: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  municipalities: z.number(),
  endedAt: z.string().nullable(),
});
export type WindDown = z.infer<typeof windDown>;
export const windDownsResponse = z.object({ items: z.array(windDown) });
export type WindDownsResponse = z.infer<typeof windDownsResponse>;

export const serviceNotice = z.object({
  municipalityName: z.string(),
  kind: z.enum(TERMINATION_KINDS),
  /** Each service with its catalogue names where the catalogue knows the code. */
  services: z.array(z.object({ code: z.string(), name: z.object({ nb: z.string(), nn: z.string(), en: z.string() }) })),
  effectiveDate: z.string(),
  ended: z.boolean(),
});
export type ServiceNotice = z.infer<typeof serviceNotice>;
export const serviceNoticesResponse = z.object({ items: z.array(serviceNotice) });
export type ServiceNoticesResponse = z.infer<typeof serviceNoticesResponse>;
