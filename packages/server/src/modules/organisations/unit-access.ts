import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { personnelRoles, serviceUnits } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

export type UnitRow = typeof serviceUnits.$inferSelect;
export type PersonnelRole = (typeof personnelRoles.$inferSelect)['role'];

/**
 * Who acts for a unit: a health worker with a role there, or — where the use case allows it — the municipality's
 * administrator or its EPJ machine client, which acts for every unit of its municipality and names the health
 * worker itself (E1).
 */
export type UnitActor = { personnelId: string; role: PersonnelRole } | { personnelId: null; role: 'epj' };
export type UnitAccess = { unit: UnitRow } & UnitActor;
export type UnitAccessOptions = {
  epj?: boolean;
  /**
   * The use case configures the unit (its dialog settings, its appointment types) and shows no citizen: the
   * municipality's administrator may act for every unit here. Everywhere else the administrator needs a role in
   * the unit like anyone else: health data only on a service need (tjenstlig behov, pjl § 19; Normen's guide on
   * access to health data), and administering the municipality is not one.
   */
  admin?: boolean;
};

function unitActorKind(ctx: RequestContext, opts: UnitAccessOptions): { personnelId: string | null } {
  if (ctx.actor.kind === 'personnel') {
    return { personnelId: ctx.actor.personnelId };
  }
  if (ctx.actor.kind === 'partner' && opts.epj) {
    return { personnelId: null };
  }
  throw new ForbiddenError('Dette er for helsepersonell.', 'wrong_role');
}

const rolesOf = (q: Queryable, ctx: RequestContext, personnelId: string) =>
  q
    .select({ unitId: personnelRoles.serviceUnitId, role: personnelRoles.role })
    .from(personnelRoles)
    .where(and(eq(personnelRoles.personnelId, personnelId), inMunicipality(personnelRoles.municipalityId, ctx)));

/**
 * The first line of every unit-side use case: the unit exists in the caller's municipality, and the caller works
 * there. Another municipality's unit is 404, as one that does not exist.
 * @param q - the database or the open transaction
 * @param ctx - the caller
 * @param unitId - the unit acted for
 * @param opts - `epj: true` where the municipality's EPJ may act for the unit
 * @throws ForbiddenError `wrong_role` (not staff), `not_unit_staff`; NotFoundError `unit_not_found`
 */
export async function requireUnitStaff(
  q: Queryable,
  ctx: RequestContext,
  unitId: string,
  opts: UnitAccessOptions = {},
): Promise<UnitAccess> {
  const { personnelId } = unitActorKind(ctx, opts);
  const [unit] = await q
    .select()
    .from(serviceUnits)
    .where(and(eq(serviceUnits.id, unitId), inMunicipality(serviceUnits.municipalityId, ctx)));
  if (!unit) {
    throw new NotFoundError('Fant ikke enheten i kommunen din.', 'unit_not_found');
  }
  if (personnelId === null) {
    return { unit, personnelId, role: 'epj' };
  }
  const roles = await rolesOf(q, ctx, personnelId);
  const role =
    roles.find((r) => r.unitId === unitId) ??
    (opts.admin ? roles.find((r) => r.role === 'municipal_admin') : undefined);
  if (!role) {
    throw new ForbiddenError('Du arbeider ikke i denne enheten.', 'not_unit_staff');
  }
  return { unit, personnelId, role: role.role };
}

/**
 * The units the caller acts for: every unit of the municipality for its EPJ and, where the use case allows it,
 * its administrator; else the units the health worker has a role in.
 * @param q - the database
 * @param ctx - the caller
 * @param opts - `epj: true` where the municipality's EPJ may act for units; `admin: true` where the administrator
 *   may (see UnitAccessOptions); `ownRolesOnly: true` for the units the health worker has a role in even then
 */
export async function unitsOfStaff(
  q: Queryable,
  ctx: RequestContext,
  opts: UnitAccessOptions & { ownRolesOnly?: boolean } = {},
) {
  const { personnelId } = unitActorKind(ctx, opts);
  const all = await q.select().from(serviceUnits).where(inMunicipality(serviceUnits.municipalityId, ctx));
  if (personnelId === null) {
    return all;
  }
  const roles = await rolesOf(q, ctx, personnelId);
  const admin = opts.admin && !opts.ownRolesOnly && roles.some((r) => r.role === 'municipal_admin');
  return all.filter((u) => admin || roles.some((r) => r.unitId === u.id));
}

/**
 * Whether a health worker has a role in the unit (in the caller's municipality): who a conversation or a visit can
 * be given to.
 */
export async function hasRoleInUnit(q: Queryable, ctx: RequestContext, personnelId: string, unitId: string) {
  const [role] = await q
    .select({ id: personnelRoles.id })
    .from(personnelRoles)
    .where(
      and(
        eq(personnelRoles.personnelId, personnelId),
        eq(personnelRoles.serviceUnitId, unitId),
        inMunicipality(personnelRoles.municipalityId, ctx),
      ),
    )
    .limit(1);
  return role !== undefined;
}
