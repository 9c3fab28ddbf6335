import { z } from 'zod';
import {
  EVALUATION_SERVICES,
  SUPPORT_CATEGORIES,
  SUPPORT_RECIPIENTS,
  SUPPORT_STATUSES,
  type EvaluationService,
} from './constants.ts';
import { isoCalendarDate } from './dates.ts';

/**
 * Support routing (seed 000 §5.1, "Til punkt 6.3.2 Tjenestenivå") and the evaluation figures (§7), issue 12.
 *
 * Staff (/api/support, any personnel of the municipality):
 *   GET  /recipients                    → supportRecipients (where each category goes now)
 *   GET  /requests?page=                → supportRequestsPage (the municipality's requests)
 *   POST /requests                      supportRequestBody → 201 supportRequest
 * Municipality administrator (/api/admin):
 *   PUT  /ict-operations-vendor         contactBody → supportRecipients
 * Operator (/api/operator):
 *   GET  /support/requests?status=&page=                 → supportRequestsPage (only those routed to the operator)
 *   POST /support/requests/:requestId/reply              supportReplyBody → supportRequest
 *   POST /support/requests/:requestId/close              → supportRequest
 *   GET  /evaluation?from=&to=&municipalityId=           → evaluationResponse
 *   GET  /evaluation.csv?from=&to=&municipalityId=       → text/csv, one row per municipality × service × measure
 */

export {
  EVALUATION_MAX_DAYS,
  EVALUATION_MEASURES,
  EVALUATION_SERVICES,
  SUPPORT_CATEGORIES,
  SUPPORT_PAGE_SIZE,
  SUPPORT_RECIPIENTS,
  SUPPORT_ROUTING,
  SUPPORT_STATUSES,
  type EvaluationMeasure,
  type EvaluationService,
  type SupportCategory,
  type SupportRecipientKind,
  type SupportStatus,
} from './constants.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A support contact: a vendor's name, e-mail and phone. */
export const contactBody = z.object({
  name: text(200),
  email: z.email().max(254),
  phone: z.string().regex(/^\+?[0-9 ]{8,15}$/, 'Telefonnummeret er ikke gyldig.'),
});
export type ContactBody = z.infer<typeof contactBody>;

export const supportRecipient = z.object({
  category: z.enum(SUPPORT_CATEGORIES),
  routedTo: z.enum(SUPPORT_RECIPIENTS),
  /** Null when nobody is registered for the category yet. */
  contact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type SupportRecipient = z.infer<typeof supportRecipient>;
export const supportRecipients = z.object({
  items: z.array(supportRecipient),
  /** Whether the caller may register the ICT operations vendor (the municipality's administrator). */
  canEditIctVendor: z.boolean(),
});
export type SupportRecipients = z.infer<typeof supportRecipients>;

/** No personal health data: the form says so, since the request leaves the health service for a vendor. */
export const supportRequestBody = z.object({
  category: z.enum(SUPPORT_CATEGORIES),
  title: text(200),
  description: text(4000),
  unitId: z.uuid().nullish(),
});
export type SupportRequestBody = z.infer<typeof supportRequestBody>;

export const supportRequest = z.object({
  id: z.string(),
  municipality: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  category: z.enum(SUPPORT_CATEGORIES),
  title: z.string(),
  description: z.string(),
  routedTo: z.enum(SUPPORT_RECIPIENTS),
  recipient: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  status: z.enum(SUPPORT_STATUSES),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  filedBy: z.string(),
  createdAt: z.string(),
});
export type SupportRequestItem = z.infer<typeof supportRequest>;
export const supportRequestsPage = z.object({
  items: z.array(supportRequest),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SupportRequestsPage = z.infer<typeof supportRequestsPage>;

export const supportPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  status: z.enum(SUPPORT_STATUSES).optional(),
});
export type SupportPageQuery = z.infer<typeof supportPageQuery>;
export const supportRequestParams = z.object({ requestId: z.uuid() });
export const supportReplyBody = z.object({ reply: text(4000) });
export type SupportReplyBody = z.infer<typeof supportReplyBody>;

// --- Evaluation (§7) ---

export const evaluationQuery = z
  .object({ from: isoCalendarDate, to: isoCalendarDate, municipalityId: z.uuid().optional() })
  .refine((q) => q.from <= q.to, { message: 'Fra-datoen må være før til-datoen.', path: ['to'] });
export type EvaluationQuery = z.infer<typeof evaluationQuery>;

export const evaluationRow = z.object({
  municipalityId: z.string(),
  municipalityName: z.string(),
  service: z.enum(EVALUATION_SERVICES as [EvaluationService, ...EvaluationService[]]),
  /** Measure → value; a median with nothing to measure is null. */
  measures: z.record(z.string(), z.number().nullable()),
});
export type EvaluationRow = z.infer<typeof evaluationRow>;
export const evaluationResponse = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(evaluationRow),
});
export type EvaluationResponse = z.infer<typeof evaluationResponse>;
