import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteAccessTable } from '../../src/platform/http/route-access.ts';
import { accessLogAccess } from '../../src/modules/access-log/access-log.access.ts';
import { agreementsAccess } from '../../src/modules/agreements/agreements.access.ts';
import { appointmentsAccess } from '../../src/modules/appointments/appointments.access.ts';
import { homeCareAccess } from '../../src/modules/appointments/home-care.access.ts';
import { careAccess } from '../../src/modules/care/care.access.ts';
import { dialogAccess } from '../../src/modules/dialog/dialog.access.ts';
import { dialogEpjAccess } from '../../src/modules/dialog/epj.access.ts';
import { epjAccess } from '../../src/modules/epj/epj.access.ts';
import { identityAccess } from '../../src/modules/identity/identity.access.ts';
import { lettersAccess } from '../../src/modules/letters/letters.access.ts';
import { lettersEpjAccess } from '../../src/modules/letters/epj.access.ts';
import { notificationsAccess } from '../../src/modules/notifications/notifications.access.ts';
import { operatorAccess } from '../../src/modules/operator/operator.access.ts';
import { organisationsAccess } from '../../src/modules/organisations/organisations.access.ts';
import { ploAccess } from '../../src/modules/plo/plo.access.ts';
import { populationRegisterAccess } from '../../src/modules/population-register/population-register.access.ts';
import { representationAccess } from '../../src/modules/representation/representation.access.ts';
import { servicesAccess } from '../../src/modules/services/services.access.ts';
import { supportAccess } from '../../src/modules/support/support.access.ts';
import { terminationAccess } from '../../src/modules/termination/termination.access.ts';
import { healthAccess } from '../../src/platform/http/health.access.ts';
import { webAccess } from '../../src/platform/http/web.access.ts';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Every module's declarations, by the file that holds them (relative to packages/server/src). */
export const ACCESS_TABLES: Readonly<Record<string, RouteAccessTable>> = {
  'modules/access-log/access-log.access.ts': accessLogAccess,
  'modules/agreements/agreements.access.ts': agreementsAccess,
  'modules/appointments/appointments.access.ts': appointmentsAccess,
  'modules/appointments/home-care.access.ts': homeCareAccess,
  'modules/care/care.access.ts': careAccess,
  'modules/dialog/dialog.access.ts': dialogAccess,
  'modules/dialog/epj.access.ts': dialogEpjAccess,
  'modules/epj/epj.access.ts': epjAccess,
  'modules/identity/identity.access.ts': identityAccess,
  'modules/letters/letters.access.ts': lettersAccess,
  'modules/letters/epj.access.ts': lettersEpjAccess,
  'modules/notifications/notifications.access.ts': notificationsAccess,
  'modules/operator/operator.access.ts': operatorAccess,
  'modules/organisations/organisations.access.ts': organisationsAccess,
  'modules/plo/plo.access.ts': ploAccess,
  'modules/population-register/population-register.access.ts': populationRegisterAccess,
  'modules/representation/representation.access.ts': representationAccess,
  'modules/services/services.access.ts': servicesAccess,
  'modules/support/support.access.ts': supportAccess,
  'modules/termination/termination.access.ts': terminationAccess,
  'platform/http/health.access.ts': healthAccess,
  'platform/http/web.access.ts': webAccess,
};

/** The `*.access.ts` files under packages/server/src, so that a table nobody listed above cannot go unread. */
export function accessFilesOnDisk(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      return accessFilesOnDisk(path);
    }
    return e.name.endsWith('.access.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}
