import { z } from 'zod';
import { isoCalendarDate } from './dates.ts';

/**
 * The service catalogue, data processing agreements, ordering and activation per municipality (issue 12; seed 000
 * §2 service areas, §3.2 data processing agreement, §5.1 ordering and activation).
 *
 * Operator (/api/operator):
 *   GET  /service-catalogue                                         → serviceCatalogue (the newest version)
 *   POST /service-catalogue                                         catalogueBody → 201 serviceCatalogue
 *   GET  /municipalities/:municipalityId/services                   → municipalityServices
 *   GET  /municipalities/:municipalityId/services/history?page=     → serviceHistoryPage
 *   POST /municipalities/:municipalityId/services/:serviceCode/activate  statusChangeBody → municipalityServices
 *   POST /municipalities/:municipalityId/services/:serviceCode/suspend   statusChangeBody → municipalityServices
 * Municipality administrator (/api/admin):
 *   GET  /services                     → municipalityServices
 *   GET  /services/history?page=       → serviceHistoryPage
 *   POST /services/orders              serviceOrderBody → municipalityServices
 *   POST /data-processing-agreement    dpaBody → 201 municipalityServices
 * Everyone logged in:
 *   GET  /api/me/services              → myServices (the active service codes where the caller is served)
 */

/** A municipality's service moves ordered → active ⇄ suspended → terminating → ended (seed 000 §5.1, §6). */
export const MUNICIPAL_SERVICE_STATUSES = ['ordered', 'active', 'suspended', 'terminating', 'ended'] as const;
export type MunicipalServiceStatus = (typeof MUNICIPAL_SERVICE_STATUSES)[number];

export const SERVICE_HISTORY_PAGE_SIZE = 25;

/** Catalogue codes: lower case, digits, `_` and `.` — as the EPJ service codes in organisations.ts. */
const code = z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, 'Koden kan ha små bokstaver, tall, _ og punktum.');
const text = (max: number) => z.string().trim().min(1).max(max);
const names = z.object({ nb: text(200), nn: text(200), en: text(200) });
const descriptions = z.object({ nb: text(2000), nn: text(2000), en: text(2000) });

export const catalogueServiceBody = z.object({
  code,
  name: names,
  description: descriptions,
  /** Seed 000 §3.2: a data processing agreement is needed before the service is ordered or used (formidling). */
  requiresDpa: z.boolean(),
  /** Seed 000 §5.1: the municipality's EPJ system must declare support for the service. */
  requiresEpjSupport: z.boolean(),
});
export type CatalogueServiceBody = z.infer<typeof catalogueServiceBody>;

export const catalogueAreaBody = z.object({
  code,
  name: names,
  services: z.array(catalogueServiceBody).min(1).max(50),
});
export type CatalogueAreaBody = z.infer<typeof catalogueAreaBody>;

export const catalogueBody = z.object({
  note: text(2000),
  areas: z.array(catalogueAreaBody).min(1).max(20),
});
export type CatalogueBody = z.infer<typeof catalogueBody>;

export const serviceCatalogue = catalogueBody.extend({
  version: z.number(),
  publishedAt: z.string(),
});
export type ServiceCatalogue = z.infer<typeof serviceCatalogue>;

export const dpaBody = z.object({
  version: text(50),
  signatoryName: text(200),
  signatoryTitle: text(200),
  signedOn: isoCalendarDate,
});
export type DpaBody = z.infer<typeof dpaBody>;

export const dataProcessingAgreement = dpaBody.extend({ recordedAt: z.string() });
export type DataProcessingAgreement = z.infer<typeof dataProcessingAgreement>;

export const municipalService = catalogueServiceBody.extend({
  /** Whether the municipality's EPJ product declares support (always true where none is required). */
  epjSupported: z.boolean(),
  status: z.enum(MUNICIPAL_SERVICE_STATUSES).nullable(),
  changedAt: z.string().nullable(),
});
export type MunicipalService = z.infer<typeof municipalService>;

export const municipalityServices = z.object({
  municipalityId: z.string(),
  catalogueVersion: z.number(),
  epjProduct: z.object({ id: z.string(), vendor: z.string(), name: z.string() }).nullable(),
  dataProcessingAgreement: dataProcessingAgreement.nullable(),
  areas: z.array(z.object({ code: z.string(), name: names, services: z.array(municipalService) })),
});
export type MunicipalityServices = z.infer<typeof municipalityServices>;

/** Order the named services, or every service of an area (one of the two). */
export const serviceOrderBody = z
  .object({ services: z.array(code).min(1).max(50).nullish(), area: code.nullish() })
  .refine((b) => (b.services ? 1 : 0) + (b.area ? 1 : 0) === 1, {
    message: 'Velg tjenester eller et tjenesteområde.',
    path: ['services'],
  });
export type ServiceOrderBody = z.infer<typeof serviceOrderBody>;

export const statusChangeBody = z.object({ reason: text(500) });
export type StatusChangeBody = z.infer<typeof statusChangeBody>;

export const municipalityServiceParams = z.object({ municipalityId: z.uuid(), serviceCode: code });
export const historyQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

export const serviceHistoryItem = z.object({
  serviceCode: z.string(),
  fromStatus: z.enum(MUNICIPAL_SERVICE_STATUSES).nullable(),
  toStatus: z.enum(MUNICIPAL_SERVICE_STATUSES),
  reason: z.string().nullable(),
  actorKind: z.string(),
  changedAt: z.string(),
});
export type ServiceHistoryItem = z.infer<typeof serviceHistoryItem>;
export const serviceHistoryPage = z.object({
  items: z.array(serviceHistoryItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ServiceHistoryPage = z.infer<typeof serviceHistoryPage>;

/** The service codes active where the caller is served: the web shows only these features. */
export const myServices = z.object({ services: z.array(z.string()) });
export type MyServices = z.infer<typeof myServices>;
