import { z } from 'zod';
import { LETTER_LIMITS } from './constants.ts';

export { LETTER_LIMITS };

/**
 * Letters (issue 13, B1): a service unit (its staff in the web, or the municipality's EPJ) sends a citizen a PDF;
 * the channel is decided at sending and recorded with its reason (integrations.md §1.5, §2.1–2.2). Read by the
 * citizen, a parent of a child under 12, or a proxy with the area «Brev, skjemaer og verktøy» (`letters.read`).
 *
 * Citizen (acts for the session's acting-for person):
 *   GET  /api/letters?page=                            → citizenLettersResponse (newest first, unread counted)
 *   GET  /api/letters/:id/document                     → the PDF (attachment); the first open marks it read
 * Staff (own units, own municipality):
 *   GET  /api/staff/letters/units                      → staffLetterUnitsResponse (and whether sending is possible)
 *   POST /api/staff/letters/units/:unitId/letters      multipart: nin, title, importance, file → 201 staffLetter
 *   GET  /api/staff/letters/units/:unitId/letters?page= → staffLettersResponse (the delivery report)
 *   GET  /api/staff/letters/units/:unitId/print-list   → printListResponse (queued for print, with the address)
 *   GET  /api/staff/letters/:id/document               → the PDF
 *   POST /api/staff/letters/:id/printed                → staffLetter
 * EPJ (/epj/v1):
 *   POST /epj/v1/letters                               epjLetterBody → 201 staffLetter
 *   GET  /epj/v1/letters/:id                           → staffLetter
 */

export const letterImportance = z.enum(['important', 'ordinary']);
export type LetterImportance = z.infer<typeof letterImportance>;

export const letterChannel = z.enum(['portal', 'print']);
export type LetterChannel = z.infer<typeof letterChannel>;

/**
 * Why the channel was chosen. `portal_active`: the reader has used Helsebro and may be notified at valid KRR
 * contact details. Print: reserved in KRR; not in KRR (or deleted); no contact details; KRR says the person cannot
 * be notified; contact details neither updated nor confirmed in 18 months (eForvaltningsforskriften § 32); never
 * used Helsebro; deceased; nobody who may read for a child.
 */
export const letterChannelReason = z.enum([
  'portal_active',
  'krr_reserved',
  'krr_not_registered',
  'krr_no_contact',
  'krr_cannot_notify',
  'krr_contact_expired',
  'portal_never_used',
  'deceased',
  'no_reader',
]);
export type LetterChannelReason = z.infer<typeof letterChannelReason>;

export const lettersQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
export type LettersQuery = z.infer<typeof lettersQuery>;

export const letterParams = z.object({ id: z.uuid() });
export const letterUnitParams = z.object({ unitId: z.uuid() });

/** A letter as the citizen (or whoever reads for them) sees it: no channel internals. */
export const citizenLetter = z.object({
  id: z.string(),
  title: z.string(),
  importance: letterImportance,
  sender: z.object({ unitName: z.string(), municipalityName: z.string() }),
  sentAt: z.string(),
  /** When it was first opened, by the citizen or someone reading for them. */
  readAt: z.string().nullable(),
  sizeBytes: z.number().int(),
});
export type CitizenLetter = z.infer<typeof citizenLetter>;

export const citizenLettersResponse = z.object({
  letters: z.array(citizenLetter),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** Letters not yet opened, across every page. */
  unread: z.number().int(),
});
export type CitizenLettersResponse = z.infer<typeof citizenLettersResponse>;

/** A sent letter as its unit (and the EPJ) sees it: the delivery report. */
export const staffLetter = z.object({
  id: z.string(),
  serviceUnitId: z.string(),
  recipient: z.object({ personId: z.string(), displayName: z.string() }),
  title: z.string(),
  importance: letterImportance,
  channel: letterChannel,
  channelReason: letterChannelReason,
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  /** When the notice (SMS or e-mail, no content) went out; null while queued or when none was due. */
  notifiedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  printedAt: z.string().nullable(),
});
export type StaffLetter = z.infer<typeof staffLetter>;

export const staffLettersResponse = z.object({
  letters: z.array(staffLetter),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type StaffLettersResponse = z.infer<typeof staffLettersResponse>;

/** A letter queued for print with the recipient's postal address from the population register. */
export const printListItem = staffLetter.extend({
  address: z
    .object({
      name: z.string(),
      streetAddress: z.string().nullable(),
      postalCode: z.string().nullable(),
      postalPlace: z.string().nullable(),
    })
    .nullable(),
  /** A confidential address (kode 6/7) is not shown; such post goes through the Tax Administration. */
  addressProtected: z.boolean(),
});
export type PrintListItem = z.infer<typeof printListItem>;
export const printListResponse = z.object({ letters: z.array(printListItem) });
export type PrintListResponse = z.infer<typeof printListResponse>;

/** Why a unit cannot send letters now (the feature gate), or null. */
export const letterSendingRefusal = z.enum(['service_not_active', 'dpa_missing']).nullable();
export const staffLetterUnitsResponse = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  refusal: letterSendingRefusal,
});
export type StaffLetterUnitsResponse = z.infer<typeof staffLetterUnitsResponse>;

/** POST /epj/v1/letters: the PDF as base64 (as a FHIR Attachment's `data`). */
export const epjLetterBody = z.object({
  serviceUnitId: z.uuid(),
  nin: z.string().regex(/^\d{11}$/),
  title: z.string().min(1).max(LETTER_LIMITS.maxTitleLength),
  importance: letterImportance,
  document: z.object({
    filename: z.string().max(200).optional(),
    contentType: z.literal('application/pdf'),
    data: z.base64().max(Math.ceil((LETTER_LIMITS.maxPdfBytes * 4) / 3) + 4),
  }),
});
export type EpjLetterBody = z.infer<typeof epjLetterBody>;
