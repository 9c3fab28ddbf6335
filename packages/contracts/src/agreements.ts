import { z } from 'zod';
import { TERMS_DOCUMENTS } from './constants.ts';
import { isoCalendarDate } from './dates.ts';
import { changeReasonBody, pageQuery } from './organisations.ts';

export { DATA_CONTROLLER_ROLES, TERMS_DOCUMENTS, type DataControllerScope, type TermsDocument } from './constants.ts';

/**
 * Terms, KS consultation, DigiFin and acceptance (issue 12; seed 000 §3, §5.2, §5.3).
 *
 * Operator (/api/operator):
 *   GET  /terms                                      → termsVersionsResponse
 *   POST /terms                                      termsDraftBody → 201 termsVersion
 *   PUT  /terms/:versionId/ks-consultation           ksConsultationBody → termsVersion
 *   POST /terms/:versionId/publish                   publishTermsBody → termsVersion
 *   GET  /terms/:versionId/acceptances?q=&page=&accepted=   → termsAcceptancesPage
 *   GET  /municipalities/:municipalityId/terms       → termsStatus
 *   PUT  /municipalities/:municipalityId/digifin     digifinBody → termsStatus
 * Municipality administrator (/api/admin):
 *   GET  /terms                                      → termsStatus
 *   POST /terms/:versionId/accept                    → 201 termsStatus
 */

export const TERMS_PAGE_SIZE = 25;

const text = (max: number) => z.string().trim().min(1).max(max);
/** Why the operator made the change, kept in its audit entry (every administrative change: who and why). */
const reason = changeReasonBody.shape.reason;

export const termsDraftBody = z.object({
  document: z.enum(TERMS_DOCUMENTS),
  version: z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/, 'Versjonen skrives som tall med punktum, f.eks. 3.2.'),
  date: isoCalendarDate,
  /** The change log: what changed, one line each, in our own words. */
  changes: z.array(text(500)).min(1).max(30),
  /** A significant change needs KS consulted before it is published (seed 000 §5.3). */
  significant: z.boolean(),
  reason,
});
export type TermsDraftBody = z.infer<typeof termsDraftBody>;

/** The KS consultation of a draft: when it was sent, and KS's answer with its date once it has come. */
export const ksConsultationBody = z
  .object({
    sentOn: isoCalendarDate,
    answer: z.string().trim().max(4000).nullish(),
    answeredOn: isoCalendarDate.nullish(),
    reason,
  })
  .refine((b) => !b.answer === !b.answeredOn, {
    message: 'Oppgi både svaret og datoen det kom.',
    path: ['answeredOn'],
  })
  .refine((b) => !b.answeredOn || b.answeredOn >= b.sentOn, {
    message: 'Svaret kan ikke komme før saken ble sendt.',
    path: ['answeredOn'],
  });
export type KsConsultationBody = z.infer<typeof ksConsultationBody>;

export const publishTermsBody = z.object({ acceptBy: isoCalendarDate, reason });
export type PublishTermsBody = z.infer<typeof publishTermsBody>;

export const ksConsultation = z.object({
  sentOn: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
});
export type KsConsultation = z.infer<typeof ksConsultation>;

/** `superseded`: published, with a newer published version of the same document. */
export const TERMS_STATUSES = ['draft', 'published', 'superseded'] as const;
export type TermsStatus = (typeof TERMS_STATUSES)[number];

export const termsVersion = z.object({
  id: z.string(),
  document: z.enum(TERMS_DOCUMENTS),
  version: z.string(),
  date: z.string(),
  changes: z.array(z.string()),
  significant: z.boolean(),
  status: z.enum(TERMS_STATUSES),
  acceptBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  ksConsultation: ksConsultation.nullable(),
  /** How many municipalities have accepted it, of how many there are. */
  acceptedCount: z.number(),
  municipalityCount: z.number(),
});
export type TermsVersion = z.infer<typeof termsVersion>;
export const termsVersionsResponse = z.object({ items: z.array(termsVersion) });
export type TermsVersionsResponse = z.infer<typeof termsVersionsResponse>;
export const termsVersionParams = z.object({ versionId: z.uuid() });

export const termsAcceptancesQuery = pageQuery.extend({ accepted: z.enum(['all', 'yes', 'no']).default('all') });
export type TermsAcceptancesQuery = z.infer<typeof termsAcceptancesQuery>;

export const termsAcceptanceItem = z.object({
  municipalityId: z.string(),
  name: z.string(),
  number: z.string(),
  acceptedAt: z.string().nullable(),
  /** Not accepted, and the version's accept-by date has passed. */
  overdue: z.boolean(),
});
export type TermsAcceptanceItem = z.infer<typeof termsAcceptanceItem>;
export const termsAcceptancesPage = z.object({
  version: termsVersion,
  items: z.array(termsAcceptanceItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type TermsAcceptancesPage = z.infer<typeof termsAcceptancesPage>;

/**
 * DigiFin (seed 000 §5.2): membership, and the connection fee the operator invoices. Accepting the terms needs
 * membership and a paid fee recorded.
 */
export const digifinBody = z
  .object({
    member: z.boolean(),
    memberSince: isoCalendarDate.nullish(),
    feeAmountNok: z.number().int().min(0).max(100_000_000).nullish(),
    feeInvoiceReference: z.string().trim().min(1).max(100).nullish(),
    feePaidOn: isoCalendarDate.nullish(),
    reason,
  })
  .refine((b) => !b.member || b.memberSince, {
    message: 'Oppgi datoen medlemskapet gjelder fra.',
    path: ['memberSince'],
  })
  .refine((b) => !b.feePaidOn || (b.feeAmountNok !== null && b.feeAmountNok !== undefined && b.feeInvoiceReference), {
    message: 'En betalt avgift trenger beløp og fakturareferanse.',
    path: ['feeInvoiceReference'],
  });
export type DigifinBody = z.infer<typeof digifinBody>;

export const digifinRecord = z.object({
  member: z.boolean(),
  memberSince: z.string().nullable(),
  feeAmountNok: z.number().nullable(),
  feeInvoiceReference: z.string().nullable(),
  feePaidOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type DigifinRecord = z.infer<typeof digifinRecord>;

/** What DigiFin still lacks before the municipality can accept (empty: complete). */
export const DIGIFIN_REQUIREMENTS = ['member', 'feeAmountNok', 'feeInvoiceReference', 'feePaidOn'] as const;
export type DigifinRequirement = (typeof DIGIFIN_REQUIREMENTS)[number];

/** One document's current published version and whether the municipality has accepted it. */
export const termsDocumentStatus = z.object({
  document: z.enum(TERMS_DOCUMENTS),
  current: termsVersion.nullable(),
  acceptance: z.object({ acceptedAt: z.string(), acceptedByName: z.string(), version: z.string() }).nullable(),
  /** The latest version this municipality accepted, when it is not the current one. */
  previouslyAccepted: z.string().nullable(),
  overdue: z.boolean(),
  /** Earlier published versions, newest first, with their change logs. */
  history: z.array(termsVersion),
});
export type TermsDocumentStatus = z.infer<typeof termsDocumentStatus>;

export const termsStatus = z.object({
  municipalityId: z.string(),
  municipalityName: z.string(),
  documents: z.array(termsDocumentStatus),
  digifin: digifinRecord.nullable(),
  digifinMissing: z.array(z.enum(DIGIFIN_REQUIREMENTS)),
});
export type TermsStatusResponse = z.infer<typeof termsStatus>;
