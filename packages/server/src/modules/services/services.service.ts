import {
  SERVICE_HISTORY_PAGE_SIZE,
  type CatalogueBody,
  type DpaBody,
  type MunicipalityServices,
  type MyServices,
  type ServiceCatalogue,
  type ServiceHistoryPage,
  type ServiceOrderBody,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import { requireMunicipalAdmin } from '../organisations/index.ts';
import { activeServicesByMunicipality, hasDataProcessingAgreement, setServiceStatus } from './services.gate.ts';
import * as repo from './services.repository.ts';
import { toCatalogue, toHistoryItem, toMunicipalityServices } from './services.view.ts';

function requireOperator(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'operator') {
    throw new ForbiddenError('Bare driftsoperatøren kan gjøre dette.', 'wrong_role');
  }
}

const refuse = (message: string, code: string, paths: string[]) =>
  new UnprocessableError(
    message,
    paths.map((path) => ({ path, message })),
    code,
  );

/**
 * Seed 000 §5.1 and §3.2: the municipality's EPJ product must declare support for every service (that needs it),
 * and a service that needs a data processing agreement needs one signed. Checked when ordering and again when
 * activating, since the EPJ system may have changed in between.
 * @param services - the catalogue services, each with the field path a refusal names
 */
async function requireOrderable(
  q: Queryable,
  municipalityId: string,
  services: { row: repo.CatalogueServiceRow; path: string }[],
) {
  const needEpj = services.filter((s) => s.row.requiresEpjSupport);
  const product = await repo.epjProductOf(q, municipalityId);
  if (needEpj.length > 0 && !product) {
    throw refuse(
      'Kommunen har ikke valgt journalsystem (EPJ). Velg journalsystem før tjenester bestilles.',
      'epj_product_missing',
      [...new Set(needEpj.map((s) => s.path))],
    );
  }
  const unsupported = needEpj.filter((s) => !product?.services.includes(s.row.code));
  if (product && unsupported.length > 0) {
    throw new UnprocessableError(
      `Journalsystemet ${product.vendor} ${product.name} støtter ikke ${unsupported.map((s) => `«${s.row.nameNb}»`).join(', ')}.`,
      unsupported.map((s) => ({
        path: s.path,
        message: `${product.vendor} ${product.name} støtter ikke «${s.row.nameNb}» (${s.row.code}).`,
      })),
      'epj_support_missing',
    );
  }
  const needDpa = services.filter((s) => s.row.requiresDpa);
  if (needDpa.length > 0 && !(await hasDataProcessingAgreement(q, municipalityId))) {
    throw refuse(
      'Formidling krever at kommunen har signert databehandleravtale (bruksvilkårene punkt 3.2).',
      'dpa_missing',
      [...new Set(needDpa.map((s) => s.path))],
    );
  }
}

export type ServicesService = ReturnType<typeof createServicesService>;

/**
 * Service catalogue, data processing agreement, ordering and activation (seed 000 §2, §3.2, §5.1).
 * @param platform - the store and the clock
 */
export function createServicesService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  async function overview(q: Queryable, municipalityId: string): Promise<MunicipalityServices> {
    const [catalogue, statuses, product, dpa] = await Promise.all([
      repo.currentCatalogue(q),
      repo.statusesOf(q, municipalityId),
      repo.epjProductOf(q, municipalityId),
      repo.latestDpa(q, municipalityId),
    ]);
    return toMunicipalityServices(municipalityId, catalogue, statuses, product, dpa);
  }

  async function history(q: Queryable, municipalityId: string, page: number): Promise<ServiceHistoryPage> {
    const size = SERVICE_HISTORY_PAGE_SIZE;
    const { rows, total } = await repo.historyPage(q, municipalityId, (page - 1) * size, size);
    return { items: rows.map(toHistoryItem), total, page, pageSize: size };
  }

  async function requireMunicipality(q: Queryable, municipalityId: string) {
    if (!(await repo.municipalityExists(q, municipalityId))) {
      throw new NotFoundError('Fant ikke kommunen.', 'municipality_not_found');
    }
  }

  /** The operator's activation and suspension: `from` lists the statuses the change may start from. */
  async function operatorChange(
    ctx: RequestContext,
    municipalityId: string,
    code: string,
    change: { to: 'active' | 'suspended'; from: string[]; refusal: string },
    reason: string,
  ): Promise<MunicipalityServices> {
    requireOperator(ctx);
    return db.transaction(async (tx) => {
      await requireMunicipality(tx, municipalityId);
      const row = (await repo.currentCatalogue(tx)).services.find((s) => s.code === code);
      if (!row) {
        throw new NotFoundError('Tjenesten finnes ikke i tjenestekatalogen.', 'service_unknown');
      }
      const [current] = (await repo.statusesForUpdate(tx, municipalityId, [code])).map((r) => r.status);
      if (!current || !change.from.includes(current)) {
        throw new ConflictError(change.refusal, 'service_status_conflict');
      }
      if (change.to === 'active') {
        await requireOrderable(tx, municipalityId, [{ row, path: 'serviceCode' }]);
      }
      await setServiceStatus(tx, ctx, municipalityId, code, change.to, reason);
      return overview(tx, municipalityId);
    });
  }

  return {
    async readCatalogue(ctx: RequestContext): Promise<ServiceCatalogue> {
      requireOperator(ctx);
      return toCatalogue(await repo.currentCatalogue(db));
    },

    /** Publishes the next catalogue version: a new service needs data, not code. */
    async publishCatalogue(ctx: RequestContext, body: CatalogueBody): Promise<ServiceCatalogue> {
      requireOperator(ctx);
      const codes = body.areas.flatMap((a, i) =>
        a.services.map((s, j) => ({ code: s.code, path: `areas.${i}.services.${j}.code` })),
      );
      const areaCodes = body.areas.map((a, i) => ({ code: a.code, path: `areas.${i}.code` }));
      for (const list of [codes, areaCodes]) {
        const seen = new Set<string>();
        const twice = list.filter((c) => seen.size === seen.add(c.code).size);
        if (twice.length > 0) {
          throw refuse(
            'Hver kode kan bare brukes én gang i katalogen.',
            'duplicate_code',
            twice.map((c) => c.path),
          );
        }
      }
      return db.transaction(async (tx) => {
        const version = (await repo.latestCatalogueVersion(tx)) + 1;
        const operatorId = ctx.actor.kind === 'operator' ? ctx.actor.operatorId : null;
        await repo.insertCatalogue(
          tx,
          { version, note: body.note, publishedBy: operatorId },
          body.areas.map((a, i) => ({
            version,
            code: a.code,
            position: i + 1,
            nameNb: a.name.nb,
            nameNn: a.name.nn,
            nameEn: a.name.en,
          })),
          body.areas.flatMap((a) =>
            a.services.map((s, j) => ({
              version,
              code: s.code,
              areaCode: a.code,
              position: j + 1,
              nameNb: s.name.nb,
              nameNn: s.name.nn,
              nameEn: s.name.en,
              descriptionNb: s.description.nb,
              descriptionNn: s.description.nn,
              descriptionEn: s.description.en,
              requiresDpa: s.requiresDpa,
              requiresEpjSupport: s.requiresEpjSupport,
            })),
          ),
        );
        await recordAudit(tx, ctx, {
          action: 'service_catalogue.publish',
          resourceType: 'service_catalogue',
          resourceId: String(version),
          details: { note: body.note },
        });
        return toCatalogue(await repo.currentCatalogue(tx));
      });
    },

    async readForOperator(ctx: RequestContext, municipalityId: string): Promise<MunicipalityServices> {
      requireOperator(ctx);
      await requireMunicipality(db, municipalityId);
      return overview(db, municipalityId);
    },

    async historyForOperator(ctx: RequestContext, municipalityId: string, page: number) {
      requireOperator(ctx);
      await requireMunicipality(db, municipalityId);
      return history(db, municipalityId, page);
    },

    /** Seed 000 §5.1: the operator activates an ordered (or suspended) service. */
    async activate(ctx: RequestContext, municipalityId: string, code: string, reason: string) {
      return operatorChange(
        ctx,
        municipalityId,
        code,
        {
          to: 'active',
          from: ['ordered', 'suspended'],
          refusal: 'Bare en bestilt eller stanset tjeneste kan aktiveres.',
        },
        reason,
      );
    },

    async suspend(ctx: RequestContext, municipalityId: string, code: string, reason: string) {
      return operatorChange(
        ctx,
        municipalityId,
        code,
        { to: 'suspended', from: ['active'], refusal: 'Bare en aktiv tjeneste kan stanses.' },
        reason,
      );
    },

    async readForAdmin(ctx: RequestContext): Promise<MunicipalityServices> {
      await requireMunicipalAdmin(db, ctx);
      return overview(db, ctx.municipalityId as string);
    },

    async historyForAdmin(ctx: RequestContext, page: number): Promise<ServiceHistoryPage> {
      await requireMunicipalAdmin(db, ctx);
      return history(db, ctx.municipalityId as string, page);
    },

    /**
     * Orders services, or every service of an area; services already ordered, active, suspended or terminating are
     * left as they are.
     * @throws UnprocessableError (422) `epj_support_missing` naming each service and the product,
     *   `epj_product_missing`, `dpa_missing`, `service_unknown`
     */
    async order(ctx: RequestContext, body: ServiceOrderBody): Promise<MunicipalityServices> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const municipalityId = ctx.municipalityId as string;
        const catalogue = await repo.currentCatalogue(tx);
        let wanted: { row: repo.CatalogueServiceRow; path: string }[];
        if (body.area) {
          wanted = catalogue.services.filter((s) => s.areaCode === body.area).map((row) => ({ row, path: 'area' }));
          if (wanted.length === 0) {
            throw refuse('Tjenesteområdet finnes ikke i tjenestekatalogen.', 'service_unknown', ['area']);
          }
        } else {
          wanted = (body.services ?? []).map((code, i) => {
            const row = catalogue.services.find((s) => s.code === code);
            if (!row) {
              throw refuse(`Tjenesten ${code} finnes ikke i tjenestekatalogen.`, 'service_unknown', [`services.${i}`]);
            }
            return { row, path: `services.${i}` };
          });
        }
        await requireOrderable(tx, municipalityId, wanted);
        const statuses = new Map((await repo.statusesOf(tx, municipalityId)).map((s) => [s.serviceCode, s.status]));
        for (const { row } of wanted) {
          const status = statuses.get(row.code);
          if (status === undefined || status === 'ended') {
            await setServiceStatus(tx, ctx, municipalityId, row.code, 'ordered', null);
          }
        }
        return overview(tx, municipalityId);
      });
    },

    /** Seed 000 §3.2: the administrator records the signed data processing agreement. */
    async signDpa(ctx: RequestContext, body: DpaBody): Promise<MunicipalityServices> {
      return db.transaction(async (tx) => {
        const personnelId = await requireMunicipalAdmin(tx, ctx);
        const municipalityId = ctx.municipalityId as string;
        const dpa = await repo.insertDpa(tx, { municipalityId, ...body, recordedByPersonnelId: personnelId });
        await recordAudit(tx, ctx, {
          action: 'data_processing_agreement.sign',
          resourceType: 'data_processing_agreement',
          resourceId: dpa.id,
          details: { version: body.version, signedOn: body.signedOn },
        });
        return overview(tx, municipalityId);
      });
    },

    /**
     * The service codes active where the caller is served: a citizen's (or their principal's) units' municipalities
     * and home municipality; personnel's municipality. The web shows only these features.
     */
    async mine(ctx: RequestContext): Promise<MyServices> {
      const ids = new Set<string>(ctx.municipalityId ? [ctx.municipalityId] : []);
      if (ctx.actor.kind === 'citizen') {
        const personId = ctx.actingForPersonId ?? ctx.actor.personId;
        for (const id of await repo.servingMunicipalities(db, personId, osloDateOf(clock.now()))) {
          ids.add(id);
        }
      } else if (ctx.actor.kind !== 'personnel') {
        return { services: [] };
      }
      const active = await activeServicesByMunicipality(db, [...ids]);
      return { services: [...new Set([...active.values()].flatMap((s) => [...s]))].sort() };
    },
  };
}
