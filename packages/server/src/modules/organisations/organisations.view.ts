import type {
  AdminUnit,
  EpjProduct,
  EpjServiceCode,
  MachineClientItem,
  MunicipalityItem,
  StaffMember,
} from '@helsebro/contracts';
import type * as repo from './organisations.repository.ts';

/** How rows of the organisations module become what clients see. */
export function toMunicipalityItem(m: repo.MunicipalityRow): MunicipalityItem {
  return {
    id: m.id,
    name: m.name,
    number: m.number,
    orgNumber: m.orgNumber,
    contactName: m.contactName,
    contactEmail: m.contactEmail,
    contactPhone: m.contactPhone,
    createdAt: m.createdAt.toISOString(),
  };
}

export function toProduct(p: repo.ProductRow): EpjProduct {
  return {
    id: p.id,
    vendor: p.vendor,
    name: p.name,
    versions: p.versions,
    services: p.services as EpjServiceCode[],
    supportContact:
      p.supportName && p.supportEmail && p.supportPhone
        ? { name: p.supportName, email: p.supportEmail, phone: p.supportPhone }
        : null,
  };
}

export function toUnit(u: repo.UnitRow): AdminUnit {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    phone: u.phone,
    functionalEmail: u.functionalEmail,
    herId: u.herId,
    closedAt: u.closedAt?.toISOString() ?? null,
    visitsEveryDay: u.visitsEveryDay,
  };
}

export function toClient(c: repo.ClientRow): MachineClientItem {
  return {
    clientId: c.clientId,
    clientName: c.clientName,
    authMethod: c.jwks ? 'private_key_jwt' : 'client_secret_basic',
    createdAt: c.createdAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
  };
}

export function toStaffMembers(page: Awaited<ReturnType<typeof repo.listStaff>>): StaffMember[] {
  return page.people.map((p) => ({
    personnelId: p.id,
    givenName: p.givenName,
    familyName: p.familyName,
    hprNumber: p.hprNumber,
    roles: page.roles
      .filter((r) => r.personnelId === p.id)
      .map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitName })),
  }));
}
