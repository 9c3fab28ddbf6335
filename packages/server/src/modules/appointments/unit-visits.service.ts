import type { CompletedVisit, RecordCompletedVisitBody } from '@helsebro/contracts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { RuleError } from './appointments.errors.ts';
import { updateAppointment } from './appointments.repository.ts';
import { wantsVisitNotice } from './citizen-visits.service.ts';
import { appointmentEvent, auditedWrite, notifyCitizen } from './shared.ts';
import { appointmentForUnit, assertStaffOfMunicipality, citizenEntry, EPJ } from './unit.shared.ts';
import { insertVisit, visitById } from './visits.repository.ts';

/**
 * Completed home visits recorded by the unit (A6), by a health worker or the EPJ: once per visit, not before it
 * happened, and the citizen is told only if they opted in (level full).
 */
export function createUnitVisitsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    async recordVisit(ctx: RequestContext, id: string, body: RecordCompletedVisitBody): Promise<CompletedVisit> {
      const now = clock.now();
      const { f, access } = await appointmentForUnit(db, ctx, id, EPJ);
      const visitId = await auditedWrite(
        db,
        ctx,
        { ...citizenEntry('completed_visit.create', f.appointment), resourceType: 'completed_visit' },
        async (tx) => {
          const a = f.appointment;
          await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
          if (f.type.kind !== 'home_visit') {
            throw new RuleError('not_a_home_visit', 'Bare hjemmebesøk registreres som utførte besøk.');
          }
          if (a.status === 'cancelled' || a.status === 'no_show') {
            throw new ConflictError('Besøket er avlyst eller ikke gjennomført.', 'appointment_not_booked');
          }
          const performedAt = body.performedAt ? new Date(body.performedAt) : a.startsAt;
          const endedAt = body.endedAt ? new Date(body.endedAt) : null;
          if (performedAt.getTime() > now.getTime()) {
            throw new RuleError('time_in_past', 'Et besøk kan ikke registreres som utført før det har skjedd.');
          }
          if (endedAt && endedAt.getTime() < performedAt.getTime()) {
            throw new ValidationError('Slutt er før start.', [{ path: 'body.endedAt', message: 'before performedAt' }]);
          }
          const visit = await insertVisit(tx, {
            municipalityId: a.municipalityId,
            serviceUnitId: a.serviceUnitId,
            appointmentId: a.id,
            personId: a.personId,
            performedAt,
            endedAt,
            whatWasDone: body.whatWasDone,
            staffPersonnelId:
              body.staffPersonnelId === undefined ? (a.staffPersonnelId ?? access.personnelId) : body.staffPersonnelId,
            recordedByPersonnelId: access.personnelId,
          });
          if (!visit) {
            throw new ConflictError('Besøket er allerede registrert som utført.', 'visit_already_recorded');
          }
          await updateAppointment(tx, a.id, { status: 'fulfilled', updatedAt: now });
          if (await wantsVisitNotice(tx, a.personId)) {
            await notifyCitizen(tx, a, 'visit_completed', `completed_visit:${visit.id}`, 'full');
          }
          return {
            result: visit.id,
            details: { visitId: visit.id },
            events: [appointmentEvent('completed_visit.created', a, now, { visitId: visit.id })],
          };
        },
      );
      return (await visitById(db, visitId))!;
    },
  };
}
