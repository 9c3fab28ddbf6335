import {
  ORG_PAGE_SIZE,
  type AdminMunicipalityResponse,
  type AdminUnit,
  type AdminUnitsResponse,
  type ClientCreateBody,
  type ClientCredentialBody,
  type EpjSystemBody,
  type MachineClientItem,
  type MachineClientsResponse,
  type PageQuery,
  type StaffCreateBody,
  type StaffMember,
  type StaffPage,
  type StaffRoleInput,
  type StaffUpdateBody,
  type UnitBody,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { reasonDetails, requireReason } from '../../platform/audit/reason.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { DuplicateError, findOrCreatePersonnel } from './onboarding.service.ts';
import * as repo from './organisations.repository.ts';
import { toClient, toProduct, toStaffMembers, toUnit } from './organisations.view.ts';

const refuse = (path: string, message: string, code: string) =>
  new UnprocessableError(message, [{ path, message }], code);

/**
 * The first line of every administration use case: personnel with the role `municipal_admin` in the municipality
 * they logged in for. Every query after it is scoped to that municipality (inMunicipality), so an administrator
 * never reaches another municipality's data.
 */
export async function requireMunicipalAdmin(q: Queryable, ctx: RequestContext): Promise<string> {
  if (
    ctx.actor.kind !== 'personnel' ||
    !(await repo.hasRoleInMunicipality(q, ctx, ctx.actor.personnelId, 'municipal_admin'))
  ) {
    throw new ForbiddenError('Dette er for kommunens administratorer.', 'not_municipal_admin');
  }
  return ctx.actor.personnelId;
}

/** Roles name open units of the caller's municipality; the administrator's role names none. */
async function checkRoles(q: Queryable, ctx: RequestContext, roles: StaffRoleInput[]) {
  const units = new Map((await repo.listUnits(q, ctx)).map((u) => [u.id, u]));
  return roles.map((r, i) => {
    if (r.role === 'municipal_admin') {
      return { role: r.role, unitId: null };
    }
    const unit = r.unitId ? units.get(r.unitId) : undefined;
    if (!unit || unit.closedAt) {
      throw refuse(`roles.${i}.unitId`, 'Velg en åpen enhet i kommunen for rollen.', 'unit_not_found');
    }
    return { role: r.role, unitId: unit.id };
  });
}

export type AdminService = ReturnType<typeof createAdminService>;

/**
 * The municipality administrator's use cases: units, staff and roles, the EPJ system and its machine clients.
 * @param platform - the store
 */
export function createAdminService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  async function municipality(q: Queryable, ctx: RequestContext): Promise<AdminMunicipalityResponse> {
    const m = ctx.municipalityId ? await repo.findMunicipality(q, ctx.municipalityId) : null;
    if (!m) {
      throw new NotFoundError('Fant ikke kommunen.', 'municipality_not_found');
    }
    const products = await repo.listProducts(q);
    const product = products.find((p) => p.id === m.epjProductId);
    return {
      id: m.id,
      name: m.name,
      number: m.number,
      orgNumber: m.orgNumber,
      epjProduct: product ? toProduct(product) : null,
      epjVersion: m.epjVersion,
      products: products.map(toProduct),
    };
  }

  async function memberOf(q: Queryable, ctx: RequestContext, personnelId: string): Promise<StaffMember> {
    const page = await repo.listStaff(q, ctx, { offset: 0, limit: 1, only: personnelId });
    const [member] = toStaffMembers(page);
    if (!member) {
      throw new NotFoundError('Fant ikke den ansatte i kommunen.', 'staff_not_found');
    }
    return member;
  }

  /** Registers or changes a client's credential: public keys (private_key_jwt) or a secret (dev IdP). */
  const credential = (b: ClientCredentialBody) => ({
    jwks: b.jwks ?? null,
    clientSecret: b.jwks ? null : (b.secret ?? null),
  });

  return {
    async readMunicipality(ctx: RequestContext): Promise<AdminMunicipalityResponse> {
      await requireMunicipalAdmin(db, ctx);
      return municipality(db, ctx);
    },

    async setEpjSystem(ctx: RequestContext, body: EpjSystemBody): Promise<AdminMunicipalityResponse> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const product = await repo.findProduct(tx, body.productId);
        if (!product) {
          throw refuse('productId', 'Velg et journalsystem fra listen.', 'epj_product_not_found');
        }
        if (!product.versions.includes(body.version)) {
          throw refuse('version', 'Velg en versjon produktet finnes i.', 'epj_version_unknown');
        }
        await repo.setEpjSystem(tx, ctx, product.id, body.version);
        await recordAudit(tx, ctx, {
          action: 'epj_system.set',
          resourceType: 'municipality',
          resourceId: ctx.municipalityId,
          details: { productId: product.id, version: body.version, ...reasonDetails(body.reason) },
        });
        return municipality(tx, ctx);
      });
    },

    async listUnits(ctx: RequestContext): Promise<AdminUnitsResponse> {
      await requireMunicipalAdmin(db, ctx);
      return { items: (await repo.listUnits(db, ctx)).map(toUnit) };
    },

    async createUnit(ctx: RequestContext, body: UnitBody): Promise<AdminUnit> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        if (await repo.unitNameTaken(tx, ctx, body.name)) {
          throw new DuplicateError('Kommunen har allerede en enhet med dette navnet.', 'name', 'unit_exists');
        }
        const unit = await repo.insertUnit(tx, {
          municipalityId: ctx.municipalityId as string,
          name: body.name,
          kind: body.kind,
          phone: body.phone,
          functionalEmail: body.functionalEmail,
          herId: body.herId ?? null,
          visitsEveryDay: body.visitsEveryDay ?? false,
        });
        await recordAudit(tx, ctx, {
          action: 'service_unit.create',
          resourceType: 'service_unit',
          resourceId: unit.id,
          details: reasonDetails(body.reason),
        });
        return toUnit(unit);
      });
    },

    async updateUnit(ctx: RequestContext, unitId: string, body: UnitBody): Promise<AdminUnit> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        if (!(await repo.findUnit(tx, ctx, unitId))) {
          throw new NotFoundError('Fant ikke enheten i kommunen din.', 'unit_not_found');
        }
        if (await repo.unitNameTaken(tx, ctx, body.name, unitId)) {
          throw new DuplicateError('Kommunen har allerede en enhet med dette navnet.', 'name', 'unit_exists');
        }
        const { reason, visitsEveryDay, ...fields } = body;
        const unit = await repo.updateUnit(tx, ctx, unitId, {
          ...fields,
          herId: body.herId ?? null,
          ...(visitsEveryDay === undefined ? {} : { visitsEveryDay }),
        });
        if (!unit) {
          throw new NotFoundError('Fant ikke enheten i kommunen din.', 'unit_not_found');
        }
        await recordAudit(tx, ctx, {
          action: 'service_unit.update',
          resourceType: 'service_unit',
          resourceId: unit.id,
          details: { ...reasonDetails(reason), ...(visitsEveryDay === undefined ? {} : { visitsEveryDay }) },
        });
        return toUnit(unit);
      });
    },

    /** Closes a unit: it stays for the history that names it, but takes no new roles. The reason is required. */
    async closeUnit(ctx: RequestContext, unitId: string, reason: string | null | undefined): Promise<AdminUnit> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const why = requireReason(reason);
        const existing = await repo.findUnit(tx, ctx, unitId);
        if (!existing) {
          throw new NotFoundError('Fant ikke enheten i kommunen din.', 'unit_not_found');
        }
        const unit = existing.closedAt ? existing : await repo.updateUnit(tx, ctx, unitId, { closedAt: new Date() });
        await recordAudit(tx, ctx, {
          action: 'service_unit.close',
          resourceType: 'service_unit',
          resourceId: unitId,
          details: why,
        });
        return toUnit(unit ?? existing);
      });
    },

    async listStaff(ctx: RequestContext, query: PageQuery): Promise<StaffPage> {
      await requireMunicipalAdmin(db, ctx);
      const page = await repo.listStaff(db, ctx, {
        search: query.q || undefined,
        offset: (query.page - 1) * ORG_PAGE_SIZE,
        limit: ORG_PAGE_SIZE,
      });
      await recordAudit(db, ctx, { action: 'staff.list', resourceType: 'personnel', details: { page: query.page } });
      return { items: toStaffMembers(page), total: page.total, page: query.page, pageSize: ORG_PAGE_SIZE };
    },

    /** Registers a staff member (or gives a person known elsewhere roles here). */
    async createStaff(ctx: RequestContext, body: StaffCreateBody): Promise<StaffMember> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const roles = await checkRoles(tx, ctx, body.roles);
        const person = await findOrCreatePersonnel(tx, body);
        if (await repo.hasRoleInMunicipality(tx, ctx, person.id)) {
          throw new DuplicateError('Personen er allerede ansatt i kommunen.', 'nin', 'staff_exists');
        }
        for (const r of roles) {
          await repo.grantRole(tx, ctx.municipalityId as string, person.id, r.role, r.unitId);
        }
        await recordAudit(tx, ctx, {
          action: 'staff.create',
          resourceType: 'personnel',
          resourceId: person.id,
          details: reasonDetails(body.reason),
        });
        return memberOf(tx, ctx, person.id);
      });
    },

    /** Changes a staff member's name, HPR number and the roles here (the roles replace the old ones). */
    async updateStaff(ctx: RequestContext, personnelId: string, body: StaffUpdateBody): Promise<StaffMember> {
      return db.transaction(async (tx) => {
        const self = await requireMunicipalAdmin(tx, ctx);
        if (!(await repo.hasRoleInMunicipality(tx, ctx, personnelId))) {
          throw new NotFoundError('Fant ikke den ansatte i kommunen.', 'staff_not_found');
        }
        const roles = await checkRoles(tx, ctx, body.roles);
        if (self === personnelId && !roles.some((r) => r.role === 'municipal_admin')) {
          throw refuse('roles', 'Du kan ikke ta fra deg selv administratorrollen.', 'self_admin_removal');
        }
        if (body.hprNumber) {
          const holder = await repo.findPersonnelBy(tx, { hprNumber: body.hprNumber });
          if (holder && holder.id !== personnelId) {
            throw new DuplicateError('En annen person har dette HPR-nummeret.', 'hprNumber', 'hpr_taken');
          }
        }
        await repo.updatePersonnel(tx, personnelId, {
          givenName: body.givenName,
          familyName: body.familyName,
          hprNumber: body.hprNumber ?? null,
        });
        await repo.removeRoles(tx, ctx, personnelId);
        for (const r of roles) {
          await repo.grantRole(tx, ctx.municipalityId as string, personnelId, r.role, r.unitId);
        }
        await recordAudit(tx, ctx, {
          action: 'staff.update',
          resourceType: 'personnel',
          resourceId: personnelId,
          details: reasonDetails(body.reason),
        });
        return memberOf(tx, ctx, personnelId);
      });
    },

    /**
     * Ends a staff member's work here: every role in this municipality goes; their roles elsewhere stay. The
     * reason is required.
     */
    async endStaff(ctx: RequestContext, personnelId: string, reason: string | null | undefined): Promise<void> {
      await db.transaction(async (tx) => {
        const self = await requireMunicipalAdmin(tx, ctx);
        const why = requireReason(reason);
        if (self === personnelId) {
          throw refuse('personnelId', 'Du kan ikke avslutte deg selv.', 'self_end');
        }
        if ((await repo.removeRoles(tx, ctx, personnelId)) === 0) {
          throw new NotFoundError('Fant ikke den ansatte i kommunen.', 'staff_not_found');
        }
        await recordAudit(tx, ctx, {
          action: 'staff.end',
          resourceType: 'personnel',
          resourceId: personnelId,
          details: why,
        });
      });
    },

    async listClients(ctx: RequestContext): Promise<MachineClientsResponse> {
      await requireMunicipalAdmin(db, ctx);
      return { items: (await repo.listClients(db, ctx)).map(toClient) };
    },

    /** Registers an EPJ machine client at the IdP's registry, acting for this municipality's organisation number. */
    async createClient(ctx: RequestContext, body: ClientCreateBody): Promise<MachineClientItem> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const m = await municipality(tx, ctx);
        if (await repo.findClientById(tx, body.clientId)) {
          throw new DuplicateError('Klient-id-en er allerede i bruk.', 'clientId', 'client_exists');
        }
        const row = await repo.insertClient(tx, {
          clientId: body.clientId,
          clientName: body.clientName,
          orgNumber: m.orgNumber,
          municipalityId: m.id,
          ...credential(body),
        });
        await recordAudit(tx, ctx, {
          action: 'epj_client.create',
          resourceType: 'epj_client',
          resourceId: row.clientId,
          details: reasonDetails(body.reason),
        });
        return toClient(row);
      });
    },

    /** Replaces the client's keys or secret; tokens already issued run out by themselves (10 minutes). */
    async rotateClient(ctx: RequestContext, clientId: string, body: ClientCredentialBody): Promise<MachineClientItem> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const row = await repo.updateClient(tx, ctx, clientId, credential(body));
        if (!row) {
          throw new NotFoundError('Fant ikke klienten i kommunen din.', 'client_not_found');
        }
        await recordAudit(tx, ctx, {
          action: 'epj_client.rotate',
          resourceType: 'epj_client',
          resourceId: clientId,
          details: reasonDetails(body.reason),
        });
        return toClient(row);
      });
    },

    /** Revokes a client: its tokens already issued run out by themselves (10 minutes). The reason is required. */
    async revokeClient(
      ctx: RequestContext,
      clientId: string,
      reason: string | null | undefined,
    ): Promise<MachineClientItem> {
      return db.transaction(async (tx) => {
        await requireMunicipalAdmin(tx, ctx);
        const why = requireReason(reason);
        const row = await repo.updateClient(tx, ctx, clientId, { revokedAt: new Date() });
        if (!row) {
          throw new NotFoundError('Fant ikke klienten i kommunen din.', 'client_not_found');
        }
        await recordAudit(tx, ctx, {
          action: 'epj_client.revoke',
          resourceType: 'epj_client',
          resourceId: clientId,
          details: why,
        });
        return toClient(row);
      });
    },
  };
}
