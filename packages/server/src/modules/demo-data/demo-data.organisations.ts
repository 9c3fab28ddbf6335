import type { Tx } from '../../platform/db/client.ts';
import { createDialogService } from '../dialog/index.ts';
import { demoEpjClient } from '../epj/index.ts';
import type { OrganisationsDemo, OrganisationsDemoIds } from '../organisations/index.ts';
import {
  DEMO_EPJ_PRODUCT,
  DEMO_MUNICIPALITIES,
  DEMO_MUNICIPALITY_ADMINS,
  DEMO_PERSONNEL,
  DEMO_UNITS,
  demoNin,
} from './demo-data.ts';

/**
 * The demo's organisations as the operator and the administrators enter them (seedOrganisationsDemo makes them
 * through the organisations use cases). The identity numbers are the ones earlier seeds gave, so a store seeded
 * before finds its people again.
 * @param operatorId - the demo operator who onboards
 */
export function organisationsDemo(operatorId: string): OrganisationsDemo {
  return {
    operatorId,
    product: DEMO_EPJ_PRODUCT,
    municipalities: DEMO_MUNICIPALITIES.map((m, i) => {
      const { administrator, ...contact } = DEMO_MUNICIPALITY_ADMINS[m.key]!;
      return {
        ...m,
        ...contact,
        administrator: {
          nin: demoNin(administrator.birthDate, 70 + i),
          hprNumber: administrator.hprNumber,
          givenName: administrator.givenName,
          familyName: administrator.familyName,
        },
      };
    }),
    units: DEMO_UNITS.map((u) => ({
      municipality: u.municipality,
      name: u.name,
      kind: u.kind,
      phone: u.phone,
      functionalEmail: u.email,
      visitsEveryDay: u.visitsEveryDay ?? false,
    })),
    staff: DEMO_PERSONNEL.map((s, i) => ({
      municipality: s.municipality,
      unit: s.unit,
      role: s.role,
      nin: demoNin(s.birthDate, 50 + i),
      hprNumber: s.hprNumber,
      givenName: s.givenName,
      familyName: s.familyName,
    })),
    clients: DEMO_MUNICIPALITIES.map((m) => {
      const { clientId, clientSecret } = demoEpjClient(m.number);
      return { municipality: m.key, clientId, clientName: `EPJ for ${m.name} (demo)`, secret: clientSecret };
    }),
  };
}

/**
 * The contact and dialog settings of the units this run created, set by the administrator through the dialog's
 * settings use case. A unit seeded before keeps what its leader has changed since.
 * @param tx - the seed's transaction
 * @param orgs - what seedOrganisationsDemo made
 */
export async function seedUnitSettings(tx: Tx, orgs: OrganisationsDemoIds): Promise<void> {
  const dialog = createDialogService({ db: tx, clock: { now: () => new Date() } });
  for (const u of DEMO_UNITS) {
    const key = `${u.municipality}/${u.name}`;
    if (!orgs.createdUnits.has(key)) {
      continue;
    }
    await dialog.updateSettings(orgs.administrators.get(u.municipality)!, orgs.units.get(key)!, {
      phone: u.phone,
      email: u.email,
      openingHours: u.dialog?.openingHours ?? null,
      openForDialog: u.dialog !== undefined,
      responseWorkingDays: u.dialog?.responseWorkingDays ?? 1,
      autoReply: u.dialog?.autoReply ?? null,
      functionalEmail: u.email,
      alertByEmail: false,
      absences: [],
    });
  }
}
