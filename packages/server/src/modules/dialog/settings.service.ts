import type { ServiceUnitSettings, UpdateServiceUnitSettingsBody } from '@helsebro/contracts';
import { audited } from '../../platform/audit/audit.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireUnitStaff } from '../organisations/index.ts';
import { dialogRepository as repo } from './dialog.repository.ts';
import { unitSettingsView } from './dialog.view.ts';

/**
 * A unit's contact details and dialog settings (A4): expected response time, automatic reply, absences and the
 * alert e-mail. Its staff read them; its leader or the municipality's administrator changes them.
 * @param platform - store and clock
 */
export function createUnitSettingsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    async settings(ctx: RequestContext, unitId: string): Promise<ServiceUnitSettings> {
      const { unit } = await requireUnitStaff(db, ctx, unitId, { admin: true });
      return unitSettingsView(db, unit, clock.now());
    },

    /** Changes a unit's contact details and dialog settings (unit leader or municipal administrator). */
    async updateSettings(
      ctx: RequestContext,
      unitId: string,
      body: UpdateServiceUnitSettingsBody,
    ): Promise<ServiceUnitSettings> {
      const { unit, role } = await requireUnitStaff(db, ctx, unitId, { admin: true });
      if (role !== 'unit_leader' && role !== 'municipal_admin') {
        throw new ForbiddenError(
          'Bare enhetsleder eller kommunens administrator kan endre innstillingene.',
          'not_unit_leader',
        );
      }
      return audited(
        db,
        ctx,
        { action: 'service_unit.settings.update', resourceType: 'service_unit', resourceId: unit.id },
        async (tx) => unitSettingsView(tx, await repo.updateUnitSettings(tx, ctx, unit, body), clock.now()),
      );
    },
  };
}

export type UnitSettingsService = ReturnType<typeof createUnitSettingsService>;
