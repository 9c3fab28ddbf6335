import type { EpjServiceCode, StaffRoleCode, UnitKind } from '@helsebro/contracts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { systemContext, type RequestContext } from '../../platform/http/request-context.ts';
import { createAdminService } from './admin.service.ts';
import { createOnboardingService } from './onboarding.service.ts';
import * as repo from './organisations.repository.ts';

type Person = { nin: string; hprNumber: string; givenName: string; familyName: string };

/** What the demo's organisations are: the operator's and the administrators' input, as they would type it. */
export type OrganisationsDemo = {
  /** The operator who onboards the municipalities and registers the EPJ product. */
  operatorId: string;
  product: { vendor: string; name: string; versions: string[]; services: EpjServiceCode[]; version: string };
  municipalities: Array<{
    key: string;
    number: string;
    name: string;
    orgNumber: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string;
    administrator: Person;
  }>;
  units: Array<{
    municipality: string;
    name: string;
    kind: UnitKind;
    phone: string;
    functionalEmail: string;
    visitsEveryDay?: boolean;
  }>;
  staff: Array<Person & { municipality: string; unit: string; role: StaffRoleCode }>;
  clients: Array<{ municipality: string; clientId: string; clientName: string; secret: string }>;
};

export type OrganisationsDemoIds = {
  municipalities: Map<string, string>;
  /** By `<municipality key>/<unit name>`. */
  units: Map<string, string>;
  /** Units this run created (by the same key): their settings are set once, later changes stay. */
  createdUnits: Set<string>;
  /** Personnel by HPR number, administrators included. */
  personnel: Map<string, string>;
  /** Each municipality's administrator, as a context to act in (the settings of other modules' demo data). */
  administrators: Map<string, RequestContext>;
};

const REASON = 'Demodata';

/**
 * The demo's municipalities, their administrators, units, staff, EPJ system and EPJ clients, made through the
 * same use cases as the operator's onboarding and the administrator's workspace (nothing seed-only): the operator
 * registers the EPJ product, onboards each municipality and names its administrator; the administrator chooses the
 * EPJ system and registers units, staff and the EPJ client. Each is looked up first by its natural key (product
 * name, municipality number, HPR number, unit name, client id), so a second run changes nothing and audits nothing.
 * @param tx - the seed's transaction (the services open savepoints in it)
 * @param demo - the data
 */
export async function seedOrganisationsDemo(tx: Tx, demo: OrganisationsDemo): Promise<OrganisationsDemoIds> {
  const db = tx as unknown as Db;
  const onboarding = createOnboardingService({ db });
  const admin = createAdminService({ db });
  const operator: RequestContext = {
    ...systemContext('seed'),
    actor: { kind: 'operator', operatorId: demo.operatorId },
  };
  const ids: OrganisationsDemoIds = {
    municipalities: new Map(),
    units: new Map(),
    createdUnits: new Set(),
    personnel: new Map(),
    administrators: new Map(),
  };
  const { version, ...product } = demo.product;
  const productId =
    (await repo.findProductByName(tx, product.vendor, product.name))?.id ??
    (await onboarding.createProduct(operator, { ...product, reason: REASON })).id;

  for (const m of demo.municipalities) {
    const { key, administrator, ...fields } = m;
    const existing = await repo.findMunicipalityByNumber(tx, m.number);
    const municipalityId =
      existing?.id ?? (await onboarding.createMunicipality(operator, { ...fields, reason: REASON })).id;
    ids.municipalities.set(key, municipalityId);
    const here = { ...systemContext('seed'), municipalityId };
    const known = await repo.findPersonnelBy(tx, { hprNumber: administrator.hprNumber });
    if (!known || !(await repo.hasRoleInMunicipality(tx, here, known.id, 'municipal_admin'))) {
      await onboarding.addAdministrator(operator, municipalityId, { ...administrator, reason: REASON });
    }
    const adminId = known?.id ?? (await repo.findPersonnelBy(tx, { hprNumber: administrator.hprNumber }))!.id;
    ids.personnel.set(administrator.hprNumber, adminId);
    const as: RequestContext = {
      ...here,
      actor: { kind: 'personnel', personnelId: adminId, hprNumber: administrator.hprNumber },
    };
    ids.administrators.set(key, as);
    if (!existing?.epjProductId) {
      await admin.setEpjSystem(as, { productId, version, reason: REASON });
    }

    const units = new Map((await repo.listUnits(tx, as)).map((u) => [u.name, u.id]));
    for (const { municipality: _m, ...u } of demo.units.filter((u) => u.municipality === key)) {
      if (!units.has(u.name)) {
        units.set(u.name, (await admin.createUnit(as, { ...u, reason: REASON })).id);
        ids.createdUnits.add(`${key}/${u.name}`);
      }
      ids.units.set(`${key}/${u.name}`, units.get(u.name)!);
    }
    for (const { municipality: _m, unit, role, ...person } of demo.staff.filter((s) => s.municipality === key)) {
      const found = await repo.findPersonnelBy(tx, { hprNumber: person.hprNumber });
      const id =
        found && (await repo.hasRoleInMunicipality(tx, as, found.id))
          ? found.id
          : (
              await admin.createStaff(as, {
                ...person,
                roles: [{ role, unitId: units.get(unit)! }],
                reason: REASON,
              })
            ).personnelId;
      ids.personnel.set(person.hprNumber, id);
    }
    for (const { municipality: _m, ...c } of demo.clients.filter((c) => c.municipality === key)) {
      if (!(await repo.findClientById(tx, c.clientId))) {
        await admin.createClient(as, { ...c, reason: REASON });
      }
    }
  }
  return ids;
}
