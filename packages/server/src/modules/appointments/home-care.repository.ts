import type { MyVisit } from '@helsebro/contracts';
import { and, eq, gte, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { fullName } from '../../platform/db/full-name.ts';
import { appointments, appointmentTypes, completedVisits, persons, serviceUnits } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { toOslo } from '../../platform/time/oslo-time.ts';
import { admittedSinceOf, hospitalStateOf } from '../care/index.ts';
import { pausedByAdmission } from './hospital-admissions.ts';

/** The SQL of "Mine besøk i dag" (issue 15): one health worker's home visits of a day, planned and unplanned. */

/** The address a visiting nurse needs; a strictly confidential address (kode 6) is never shown. */
const address = sql<string | null>`CASE WHEN ${persons.addressProtection} = 'strictly_confidential' THEN NULL
  ELSE nullif(concat_ws(', ', ${persons.streetAddress}, concat_ws(' ', ${persons.postalCode}, ${persons.postalPlace})), '') END`;

const localTimeOf = (d: Date | null) => (d ? toOslo(d).time : null);

/**
 * The home visits assigned to a health worker in [start, end), not cancelled, with the visits they recorded that
 * were not in the plan; in time order (planned start, else the time done).
 */
export async function visitsOfStaffMember(
  q: Queryable,
  ctx: RequestContext,
  personnelId: string,
  start: Date,
  end: Date,
): Promise<MyVisit[]> {
  const planned = await q
    .select({
      a: appointments,
      unitName: serviceUnits.name,
      what: appointmentTypes.name,
      citizenName: fullName(persons),
      address,
      v: completedVisits,
      paused: sql<boolean>`${appointments.status} = 'booked' AND ${pausedByAdmission(appointments)}`,
      hospital: hospitalStateOf(appointments),
      admittedAt: admittedSinceOf(appointments),
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointments.serviceUnitId))
    .innerJoin(persons, eq(persons.id, appointments.personId))
    .leftJoin(completedVisits, eq(completedVisits.appointmentId, appointments.id))
    .where(
      and(
        inMunicipality(appointments.municipalityId, ctx),
        eq(appointments.staffPersonnelId, personnelId),
        eq(appointmentTypes.kind, 'home_visit'),
        ne(appointments.status, 'cancelled'),
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
      ),
    );
  const unplanned = await q
    .select({
      v: completedVisits,
      unitName: serviceUnits.name,
      citizenName: fullName(persons),
      address,
      hospital: hospitalStateOf(completedVisits),
      admittedAt: admittedSinceOf(completedVisits),
    })
    .from(completedVisits)
    .innerJoin(serviceUnits, eq(serviceUnits.id, completedVisits.serviceUnitId))
    .innerJoin(persons, eq(persons.id, completedVisits.personId))
    .where(
      and(
        inMunicipality(completedVisits.municipalityId, ctx),
        isNull(completedVisits.appointmentId),
        eq(completedVisits.staffPersonnelId, personnelId),
        gte(completedVisits.performedAt, start),
        lt(completedVisits.performedAt, end),
      ),
    );
  const rows = [
    ...planned.map((r) => ({
      at: r.a.startsAt,
      visit: {
        appointmentId: r.a.id,
        visitId: r.v?.id ?? null,
        unit: { id: r.a.serviceUnitId, name: r.unitName },
        citizen: { personId: r.a.personId, displayName: r.citizenName },
        address: r.address,
        what: r.what,
        location: r.a.location,
        plannedTime: localTimeOf(r.a.startsAt),
        doneTime: localTimeOf(r.v?.performedAt ?? null),
        note: r.v?.whatWasDone ?? null,
        paused: r.paused,
        hospital: r.hospital,
        admittedAt: r.admittedAt,
      },
    })),
    ...unplanned.map((r) => ({
      at: r.v.performedAt,
      visit: {
        appointmentId: null,
        visitId: r.v.id,
        unit: { id: r.v.serviceUnitId, name: r.unitName },
        citizen: { personId: r.v.personId, displayName: r.citizenName },
        address: r.address,
        what: null,
        location: null,
        plannedTime: null,
        doneTime: localTimeOf(r.v.performedAt),
        note: r.v.whatWasDone,
        paused: false,
        hospital: r.hospital,
        admittedAt: r.admittedAt,
      },
    })),
  ];
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime()).map((r) => r.visit);
}
