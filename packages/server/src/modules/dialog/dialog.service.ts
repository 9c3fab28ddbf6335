import type { Platform } from '../../platform/platform.ts';
import { createAttachmentService } from './attachment.service.ts';
import { createCitizenDialogService } from './citizen.service.ts';
import { createUnitSettingsService } from './settings.service.ts';
import { createUnitDialogService } from './unit.service.ts';

export type { UnitActing } from './unit.service.ts';

/**
 * The citizen dialog (A3) and the units' settings (A4), as one service for the routes and the EPJ API: the use
 * cases live in citizen.service.ts (the citizen's side), unit.service.ts (the unit's side), settings.service.ts
 * (unit settings) and attachment.service.ts (downloads from either side); queries in dialog.repository.ts.
 * @param platform - store and clock
 */
export function createDialogService(platform: Pick<Platform, 'db' | 'clock'>) {
  return {
    ...createCitizenDialogService(platform),
    ...createUnitDialogService(platform),
    ...createUnitSettingsService(platform),
    ...createAttachmentService(platform),
  };
}

export type DialogService = ReturnType<typeof createDialogService>;
