import { and, eq, gte } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client.ts';
import {
  appointments,
  appointmentTypes,
  careRelations,
  completedVisits,
  dialogConversations,
  persons,
  personnel,
  serviceUnits,
} from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { addCalendarDays, osloDateOf } from '../../platform/time/oslo-time.ts';
import { createHomeCareService, createStaffAppointmentsService } from '../appointments/index.ts';
import { createCareRelationsService } from '../care/index.ts';
import { createDialogService } from '../dialog/index.ts';
import { selfRepresentation } from '../representation/index.ts';

/**
 * Kari Nordmann, the first demo citizen, as every journey can start from her (issue 15): she receives home care
 * and the health station, has a conversation with the health station (her question and its answer, closed), a home visit
 * planned ahead and one done yesterday. Each is made by the product's own services as the staff and Kari would
 * make them (care relation registered by the unit, the conversation started by Kari and answered by the nurse,
 * the visit planned in the unit's calendar, the visit done recorded by the nurse), so the audit log, the EPJ
 * feed and the notices are as in use. Keyed on what exists: a second run adds nothing.
 * @param tx - the seed's transaction (the services run on it)
 * @param now - the demo's "now"
 */
export async function seedKariDemo(tx: Tx, now = new Date()): Promise<void> {
  const db = tx as unknown as Db;
  const platform = { db, clock: { now: () => now } };
  const today = osloDateOf(now);
  const [kari] = await tx
    .select()
    .from(persons)
    .where(and(eq(persons.givenName, 'Kari'), eq(persons.familyName, 'Nordmann')))
    .limit(1);
  if (!kari) {
    return;
  }
  const staffOf = async (unitName: string, hpr: string) => {
    const [row] = await tx
      .select({ unitId: serviceUnits.id, personnelId: personnel.id, hprNumber: personnel.hprNumber })
      .from(serviceUnits)
      .innerJoin(personnel, eq(personnel.hprNumber, hpr))
      .where(and(eq(serviceUnits.name, unitName), eq(serviceUnits.municipalityId, kari.municipalityId!)))
      .limit(1);
    if (!row) {
      return null;
    }
    const ctx: RequestContext = {
      requestId: `seed-kari-${Date.now().toString(36)}`,
      actor: { kind: 'personnel', personnelId: row.personnelId, hprNumber: row.hprNumber },
      municipalityId: kari.municipalityId,
      actingForPersonId: null,
      purpose: 'treatment',
      emergencyReason: null,
    };
    return { ...row, ctx };
  };
  // Siri Sykepleier at Hjemmesykepleien and Mona at Helsestasjonen (demo-data.ts).
  const homeCare = await staffOf('Hjemmesykepleien', '9100001');
  const station = await staffOf('Helsestasjonen', '9100004');
  if (!homeCare || !station) {
    return;
  }

  // Care relations, registered by each unit.
  const relations = createCareRelationsService(platform);
  for (const unit of [homeCare, station]) {
    const [has] = await tx
      .select({ id: careRelations.id })
      .from(careRelations)
      .where(and(eq(careRelations.personId, kari.id), eq(careRelations.serviceUnitId, unit.unitId)))
      .limit(1);
    if (!has) {
      await relations.register(unit.ctx, unit.unitId, { nin: kari.nin, validFrom: addCalendarDays(today, -60) });
    }
  }

  // A conversation with the health station: Kari asks, the nurse answers.
  const [conversation] = await tx
    .select({ id: dialogConversations.id })
    .from(dialogConversations)
    .where(eq(dialogConversations.personId, kari.id))
    .limit(1);
  if (!conversation) {
    // Asked this morning, answered an hour later.
    const at = (hoursAgo: number) =>
      createDialogService({ db, clock: { now: () => new Date(now.getTime() - hoursAgo * 3_600_000) } });
    const citizen: RequestContext = {
      requestId: `seed-kari-${Date.now().toString(36)}`,
      actor: { kind: 'citizen', personId: kari.id },
      municipalityId: kari.municipalityId,
      actingForPersonId: kari.id,
      purpose: null,
      emergencyReason: null,
      representation: selfRepresentation(
        { personId: kari.id, birthDate: kari.birthDate, deceasedOn: kari.deceasedOn },
        today,
      ),
    };
    const started = await at(3).start(citizen, {
      fields: {
        serviceUnitId: station.unitId,
        subject: 'Samtale om søvn',
        text: 'Hei! Jeg sover dårlig for tiden. Kan jeg få en samtale med helsesykepleier?',
      },
      files: [],
    });
    await at(2).staffReply(station.ctx, started.conversation.id, {
      fields: { text: 'Hei Kari, det kan du. Ring oss eller bestill time på Helsebro, så finner vi et tidspunkt.' },
      files: [],
    });
    // Answered, so the unit closes it: no EPJ or inbox sees it as waiting (the journeys' EPJ answers open ones).
    await at(2).close(station.ctx, started.conversation.id);
  }

  // Home visits: one planned a week ahead, one done yesterday.
  const [visitType] = await tx
    .select({ id: appointmentTypes.id })
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.serviceUnitId, homeCare.unitId), eq(appointmentTypes.kind, 'home_visit')))
    .limit(1);
  const [planned] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.personId, kari.id),
        eq(appointments.serviceUnitId, homeCare.unitId),
        gte(appointments.startsAt, now),
      ),
    )
    .limit(1);
  if (visitType && !planned) {
    await createStaffAppointmentsService(platform).create(homeCare.ctx, homeCare.unitId, {
      personId: kari.id,
      typeId: visitType.id,
      localDate: addCalendarDays(today, 7),
      localTime: '10:00',
      staffPersonnelId: homeCare.personnelId,
      location: 'Hjemme',
    });
  }
  const [done] = await tx
    .select({ id: completedVisits.id })
    .from(completedVisits)
    .where(eq(completedVisits.personId, kari.id))
    .limit(1);
  if (!done) {
    await createHomeCareService(platform).unplanned(homeCare.ctx, homeCare.unitId, {
      personId: kari.id,
      whatWasDone: 'Sårskift etter operasjonen. Såret gror fint.',
      performedAt: new Date(now.getTime() - 24 * 3_600_000).toISOString(),
    });
  }
}
