import type {
  CatalogueServiceBody,
  MunicipalityServices,
  ServiceCatalogue,
  ServiceHistoryItem,
} from '@helsebro/contracts';
import type { Catalogue, CatalogueServiceRow, DpaRow, HistoryRow, StatusRow } from './services.repository.ts';

const serviceBody = (s: CatalogueServiceRow): CatalogueServiceBody => ({
  code: s.code,
  name: { nb: s.nameNb, nn: s.nameNn, en: s.nameEn },
  description: { nb: s.descriptionNb, nn: s.descriptionNn, en: s.descriptionEn },
  requiresDpa: s.requiresDpa,
  requiresEpjSupport: s.requiresEpjSupport,
});

/** The catalogue's areas in order, each with its services, as `build` maps them. */
function areasOf<S>(c: Catalogue, build: (s: CatalogueServiceRow) => S) {
  return c.areas.map((a) => ({
    code: a.code,
    name: { nb: a.nameNb, nn: a.nameNn, en: a.nameEn },
    services: c.services.filter((s) => s.areaCode === a.code).map(build),
  }));
}

export const toCatalogue = (c: Catalogue): ServiceCatalogue => ({
  version: c.version.version,
  note: c.version.note,
  publishedAt: c.version.publishedAt.toISOString(),
  areas: areasOf(c, serviceBody),
});

export function toMunicipalityServices(
  municipalityId: string,
  c: Catalogue,
  statuses: StatusRow[],
  product: { id: string; vendor: string; name: string; services: string[] } | null,
  dpa: DpaRow | null,
): MunicipalityServices {
  const byCode = new Map(statuses.map((s) => [s.serviceCode, s]));
  return {
    municipalityId,
    catalogueVersion: c.version.version,
    epjProduct: product ? { id: product.id, vendor: product.vendor, name: product.name } : null,
    dataProcessingAgreement: dpa
      ? {
          version: dpa.version,
          signatoryName: dpa.signatoryName,
          signatoryTitle: dpa.signatoryTitle,
          signedOn: dpa.signedOn,
          recordedAt: dpa.recordedAt.toISOString(),
        }
      : null,
    areas: areasOf(c, (s) => ({
      ...serviceBody(s),
      epjSupported: !s.requiresEpjSupport || (product?.services.includes(s.code) ?? false),
      status: byCode.get(s.code)?.status ?? null,
      changedAt: byCode.get(s.code)?.changedAt.toISOString() ?? null,
    })),
  };
}

export const toHistoryItem = (h: HistoryRow): ServiceHistoryItem => ({
  serviceCode: h.serviceCode,
  fromStatus: h.fromStatus,
  toStatus: h.toStatus,
  reason: h.reason,
  actorKind: h.actorKind,
  changedAt: h.changedAt.toISOString(),
});
