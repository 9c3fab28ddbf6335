import {
  isValidNin,
  isValidOrgNumber,
  ORG_PAGE_SIZE,
  type AdministratorBody,
  type EpjProduct,
  type EpjProductBody,
  type EpjProductsResponse,
  type EpjSupportContactBody,
  type MunicipalitiesResponse,
  type MunicipalityCreateBody,
  type MunicipalityDetail,
  type PageQuery,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { reasonDetails } from '../../platform/audit/reason.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './organisations.repository.ts';
import { toMunicipalityItem, toProduct } from './organisations.view.ts';

/** 409 naming the field another record already holds (RFC 9457 with the house's field errors). */
export class DuplicateError extends AppError {
  constructor(message: string, field: string, code: string) {
    super(409, code, message, [{ path: field, message }]);
  }
}

function requireOperator(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'operator') {
    throw new ForbiddenError('Bare driftsoperatøren kan registrere og se kommuner.', 'wrong_role');
  }
}

/** The operator's entries name the municipality concerned, so its own access log shows them. */
const inThe = (ctx: RequestContext, municipalityId: string): RequestContext => ({ ...ctx, municipalityId });

/**
 * Finds the named HelseID person, or registers them when the identity number and name are given.
 * @throws UnprocessableError naming the field that is missing or invalid
 */
export async function findOrCreatePersonnel(q: Queryable, who: AdministratorBody) {
  const byHpr = who.hprNumber ? await repo.findPersonnelBy(q, { hprNumber: who.hprNumber }) : null;
  const found = byHpr ?? (who.nin ? await repo.findPersonnelBy(q, { nin: who.nin }) : null);
  if (found) {
    return found;
  }
  if (!who.nin) {
    const message = 'Ingen helsepersonell har dette HPR-nummeret her ennå. Oppgi fødselsnummer og navn.';
    throw new UnprocessableError(message, [{ path: 'nin', message }], 'personnel_unknown');
  }
  if (!isValidNin(who.nin)) {
    const message = 'Fødselsnummeret er ikke gyldig.';
    throw new UnprocessableError(message, [{ path: 'nin', message }], 'nin_invalid');
  }
  if (!who.givenName || !who.familyName) {
    const message = 'Oppgi fornavn og etternavn for en person som ikke er registrert.';
    throw new UnprocessableError(
      message,
      [{ path: who.givenName ? 'familyName' : 'givenName', message }],
      'name_missing',
    );
  }
  return repo.insertPersonnel(q, {
    nin: who.nin,
    hprNumber: who.hprNumber ?? null,
    givenName: who.givenName,
    familyName: who.familyName,
  });
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;

/**
 * The operator's use cases: onboard and find municipalities, name their first administrators, and keep the list
 * of EPJ products municipalities choose from.
 * @param platform - the store
 */
export function createOnboardingService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  async function detail(q: Queryable, m: repo.MunicipalityRow): Promise<MunicipalityDetail> {
    const [administrators, product] = await Promise.all([
      repo.administratorsOf(q, m.id),
      m.epjProductId ? repo.findProduct(q, m.epjProductId) : null,
    ]);
    return {
      ...toMunicipalityItem(m),
      administrators,
      epjProduct: product ? toProduct(product) : null,
      epjVersion: m.epjVersion,
    };
  }

  return {
    async listMunicipalities(ctx: RequestContext, query: PageQuery): Promise<MunicipalitiesResponse> {
      requireOperator(ctx);
      const { rows, total } = await repo.listMunicipalities(db, {
        search: query.q || undefined,
        offset: (query.page - 1) * ORG_PAGE_SIZE,
        limit: ORG_PAGE_SIZE,
      });
      return { items: rows.map(toMunicipalityItem), total, page: query.page, pageSize: ORG_PAGE_SIZE };
    },

    /**
     * Onboards a municipality.
     * @throws UnprocessableError (422) for an organisation number failing its mod-11 check; DuplicateError (409)
     *   naming `number` or `orgNumber` when another municipality holds it
     */
    async createMunicipality(ctx: RequestContext, body: MunicipalityCreateBody): Promise<MunicipalityDetail> {
      requireOperator(ctx);
      if (!isValidOrgNumber(body.orgNumber)) {
        const message = 'Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).';
        throw new UnprocessableError(message, [{ path: 'orgNumber', message }], 'org_number_invalid');
      }
      return db.transaction(async (tx) => {
        const taken = await repo.takenMunicipalityFields(tx, body.number, body.orgNumber);
        if (taken.number) {
          throw new DuplicateError(
            'En kommune med dette kommunenummeret er allerede registrert.',
            'number',
            'municipality_exists',
          );
        }
        if (taken.orgNumber) {
          throw new DuplicateError(
            'En kommune med dette organisasjonsnummeret er allerede registrert.',
            'orgNumber',
            'municipality_exists',
          );
        }
        const { reason, ...fields } = body;
        const m = await repo.insertMunicipality(tx, fields);
        await recordAudit(tx, inThe(ctx, m.id), {
          action: 'municipality.create',
          resourceType: 'municipality',
          resourceId: m.id,
          details: { number: m.number, orgNumber: m.orgNumber, ...reasonDetails(reason) },
        });
        return detail(tx, m);
      });
    },

    async readMunicipality(ctx: RequestContext, id: string): Promise<MunicipalityDetail> {
      requireOperator(ctx);
      const m = await repo.findMunicipality(db, id);
      if (!m) {
        throw new NotFoundError('Fant ikke kommunen.', 'municipality_not_found');
      }
      const result = await detail(db, m);
      // The answer names the administrators (personal data): audited.
      await recordAudit(db, inThe(ctx, m.id), {
        action: 'municipality.read',
        resourceType: 'municipality',
        resourceId: m.id,
      });
      return result;
    },

    /** Makes a named HelseID person an administrator of the municipality; registers them when new. */
    async addAdministrator(ctx: RequestContext, id: string, who: AdministratorBody): Promise<MunicipalityDetail> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        const m = await repo.findMunicipality(tx, id);
        if (!m) {
          throw new NotFoundError('Fant ikke kommunen.', 'municipality_not_found');
        }
        const person = await findOrCreatePersonnel(tx, who);
        await repo.grantRole(tx, m.id, person.id, 'municipal_admin', null);
        await recordAudit(tx, inThe(ctx, m.id), {
          action: 'municipality.administrator.add',
          resourceType: 'personnel',
          resourceId: person.id,
          details: reasonDetails(who.reason),
        });
        return detail(tx, m);
      });
    },

    async listProducts(ctx: RequestContext): Promise<EpjProductsResponse> {
      requireOperator(ctx);
      return { items: (await repo.listProducts(db)).map(toProduct) };
    },

    /** @throws DuplicateError naming `name` when the vendor already has a product by that name */
    async createProduct(ctx: RequestContext, body: EpjProductBody): Promise<EpjProduct> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        if (await repo.findProductByName(tx, body.vendor, body.name)) {
          throw new DuplicateError(
            'Leverandøren har allerede et produkt med dette navnet.',
            'name',
            'epj_product_exists',
          );
        }
        const row = await repo.insertProduct(tx, {
          vendor: body.vendor,
          name: body.name,
          versions: [...new Set(body.versions)],
          services: [...new Set(body.services)],
          ...supportColumns(body.supportContact),
        });
        await recordAudit(tx, ctx, {
          action: 'epj_product.create',
          resourceType: 'epj_product',
          resourceId: row.id,
          details: reasonDetails(body.reason),
        });
        return toProduct(row);
      });
    },

    /**
     * Sets or replaces the vendor's support contact on a product (null removes it): staff asking about the EPJ's
     * functions are sent there (seed 000 §5.1). Requests already filed keep the contact they were sent to.
     * @throws NotFoundError when there is no product by that id
     */
    async setProductSupport(ctx: RequestContext, id: string, body: EpjSupportContactBody): Promise<EpjProduct> {
      requireOperator(ctx);
      return db.transaction(async (tx) => {
        const row = await repo.updateProductSupport(tx, id, supportColumns(body.supportContact));
        if (!row) {
          throw new NotFoundError('Fant ikke journalsystemet.', 'epj_product_not_found');
        }
        await recordAudit(tx, ctx, {
          action: 'epj_product.support_contact.set',
          resourceType: 'epj_product',
          resourceId: id,
          details: { ...reasonDetails(body.reason), removed: body.supportContact === null },
        });
        return toProduct(row);
      });
    },
  };
}

/** A contact as the product's three support columns, all null when there is none (the table's check). */
function supportColumns(contact: EpjProductBody['supportContact']) {
  return {
    supportName: contact?.name ?? null,
    supportEmail: contact?.email ?? null,
    supportPhone: contact?.phone ?? null,
  };
}
