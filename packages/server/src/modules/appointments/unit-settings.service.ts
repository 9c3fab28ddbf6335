import type { StaffNamesSetting } from '@helsebro/contracts';
import { NotFoundError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { findCitizenById } from '../identity/index.ts';
import { requireUnitStaff } from '../organisations/index.ts';
import { setStaffNamesHidden, staffNamesHidden } from './appointments.repository.ts';
import { auditedWrite } from './shared.ts';

/**
 * What a unit decides per citizen: whether its staff's names are hidden from them (on appointments and completed
 * visits), for the safety cases where a health worker's name must not reach the citizen (citizen-services.md, KS H5).
 */
export function createUnitSettingsService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  return {
    async staffNames(ctx: RequestContext, unitId: string, personId: string): Promise<StaffNamesSetting> {
      const { unit } = await requireUnitStaff(db, ctx, unitId);
      return { serviceUnitId: unit.id, personId, hidden: await staffNamesHidden(db, ctx, unit.id, personId) };
    },

    async setStaffNames(
      ctx: RequestContext,
      unitId: string,
      personId: string,
      hidden: boolean,
    ): Promise<StaffNamesSetting> {
      return auditedWrite(
        db,
        ctx,
        {
          action: 'staff_names.set',
          resourceType: 'service_unit',
          resourceId: unitId,
          subjectPersonId: personId,
          details: { hidden },
        },
        async (tx) => {
          const { unit, personnelId } = await requireUnitStaff(tx, ctx, unitId);
          if (!(await findCitizenById(tx, personId))) {
            throw new NotFoundError('Fant ikke personen.', 'person_not_found');
          }
          await setStaffNamesHidden(tx, unit, personId, hidden, personnelId);
          return { result: { serviceUnitId: unit.id, personId, hidden } };
        },
      );
    },
  };
}
