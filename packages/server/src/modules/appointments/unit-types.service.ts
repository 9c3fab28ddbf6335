import type { AppointmentType, AppointmentTypeBody, AppointmentTypesResponse } from '@helsebro/contracts';
import type { AuditAction } from '@helsebro/contracts';
import { reasonDetails, requireReason } from '../../platform/audit/reason.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireMunicipalAdmin, requireUnitStaff } from '../organisations/index.ts';
import { typeView } from './appointments.views.ts';
import { auditedWrite } from './shared.ts';
import { requireTypeOfUnit } from './unit.shared.ts';
import { endType, insertType, typesOfUnits, updateType, type TypeRow } from './types.repository.ts';

/**
 * Who may administer a unit's appointment types: the unit's leader, or the municipality's administrator. The unit
 * is looked up in the caller's municipality first, so another municipality's unit is 404 (`unit_not_found`),
 * whoever asks.
 * @throws NotFoundError `unit_not_found`; ForbiddenError `wrong_role`, `not_unit_staff`, `not_municipal_admin`
 */
async function requireTypeAdministrator(q: Queryable, ctx: RequestContext, unitId: string) {
  const access = await requireUnitStaff(q, ctx, unitId, { admin: true });
  if (access.role !== 'unit_leader') {
    await requireMunicipalAdmin(q, ctx);
  }
  return access.unit;
}

/** A closed unit takes no new or changed types; its old ones stay as history. */
function requireOpen(unit: { closedAt: Date | null }) {
  if (unit.closedAt) {
    throw new ConflictError('Enheten er avviklet. Timetypene kan ikke endres.', 'unit_closed');
  }
}

/** An ended type is history: it cannot be changed or ended again. */
function requireActive(type: TypeRow) {
  if (!type.active) {
    throw new ConflictError('Timetypen er avsluttet.', 'appointment_type_ended');
  }
}

const entry = (action: AuditAction, unitId: string, typeId?: string, details?: Record<string, unknown>) => ({
  action,
  resourceType: 'appointment_type',
  resourceId: typeId ?? unitId,
  details: { serviceUnitId: unitId, ...details },
});

/**
 * A unit's appointment types with their booking and cancellation rules (issue 12: nothing seed-only). The rules are
 * the ones citizens meet: self-booking, cancellation deadline in working days, whether the unit must accept a
 * cancellation, and the reminder's lead time.
 * @param platform - the store
 */
export function createUnitTypesService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  return {
    /** Every type of the unit, ended ones included (`active: false`), by name. */
    async list(ctx: RequestContext, unitId: string): Promise<AppointmentTypesResponse> {
      const unit = await requireTypeAdministrator(db, ctx, unitId);
      return { types: (await typesOfUnits(db, ctx, [unit.id])).map(typeView) };
    },

    async create(ctx: RequestContext, unitId: string, body: AppointmentTypeBody): Promise<AppointmentType> {
      return auditedWrite(db, ctx, entry('appointment_type.create', unitId), async (tx) => {
        const unit = await requireTypeAdministrator(tx, ctx, unitId);
        requireOpen(unit);
        const row = await insertType(tx, unit, body);
        return { result: typeView(row), resourceId: row.id, details: { name: row.name, kind: row.kind } };
      });
    },

    async update(
      ctx: RequestContext,
      unitId: string,
      typeId: string,
      body: AppointmentTypeBody,
    ): Promise<AppointmentType> {
      return auditedWrite(db, ctx, entry('appointment_type.update', unitId, typeId), async (tx) => {
        const unit = await requireTypeAdministrator(tx, ctx, unitId);
        const type = await requireTypeOfUnit(tx, ctx, unit.id, typeId);
        requireOpen(unit);
        requireActive(type);
        const row = await updateType(tx, type, body);
        return { result: typeView(row), details: { name: row.name, kind: row.kind } };
      });
    },

    /**
     * Ends the type: no longer offered or bookable; booked appointments of it stay as they are. Like every change
     * that ends something, it needs a reason, kept in the audit entry (issue 12).
     */
    async end(ctx: RequestContext, unitId: string, typeId: string, reason?: string | null): Promise<AppointmentType> {
      return auditedWrite(db, ctx, entry('appointment_type.end', unitId, typeId, reasonDetails(reason)), async (tx) => {
        const unit = await requireTypeAdministrator(tx, ctx, unitId);
        const type = await requireTypeOfUnit(tx, ctx, unit.id, typeId);
        requireActive(type);
        requireReason(reason);
        return { result: typeView(await endType(tx, type)), details: { name: type.name } };
      });
    },
  };
}

export type UnitTypesService = ReturnType<typeof createUnitTypesService>;
