import type { AppointmentRequest, DecideRequestBody, RequestStatus, StaffRequestsResponse } from '@helsebro/contracts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireUnitStaff } from '../organisations/index.ts';
import { NoLongerBookedError } from './appointments.errors.ts';
import { appointmentsByIds, cancelBooked } from './appointments.repository.ts';
import { staffView } from './appointments.views.ts';
import { decideRequest, requestById, requestRowInMunicipality, requestsOfUnit } from './requests.repository.ts';
import { appointmentEvent, auditedWrite, notifyCitizen } from './shared.ts';
import { appointmentForUnit, auditListing, citizenEntry, moveIn, resolveTarget } from './unit.shared.ts';

/**
 * The unit's side of the citizens' requests (a cancellation needing acceptance, a new time): the list, and the
 * answer, which cancels or moves the appointment when it accepts and tells the citizen once either way.
 */
export function createUnitRequestsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    async requests(
      ctx: RequestContext,
      unitId: string,
      status: RequestStatus | undefined,
    ): Promise<StaffRequestsResponse> {
      const { unit } = await requireUnitStaff(db, ctx, unitId);
      const requests = await requestsOfUnit(db, ctx, unit.id, status);
      const appts =
        requests.length > 0
          ? await appointmentsByIds(
              db,
              requests.map((r) => r.appointmentId),
            )
          : [];
      await auditListing(
        db,
        ctx,
        'appointment_request.list',
        unit.id,
        appts.map((a) => a.appointment.personId),
      );
      return {
        requests: requests.map((r) => ({
          ...r,
          appointment: staffView(appts.find((a) => a.appointment.id === r.appointmentId)!),
        })),
      };
    },

    async decide(ctx: RequestContext, requestId: string, body: DecideRequestBody): Promise<AppointmentRequest> {
      const now = clock.now();
      const request = await requestRowInMunicipality(db, ctx, requestId);
      if (!request) {
        throw new NotFoundError('Fant ikke forespørselen.', 'request_not_found');
      }
      const { f, access } = await appointmentForUnit(db, ctx, request.appointmentId);
      const accept = body.decision === 'accept';
      const newTime = accept && request.kind === 'new_time';
      if (newTime && !body.slotId && !(body.localDate && body.localTime)) {
        throw new ValidationError('Velg den nye tiden.', [
          { path: 'body.slotId', message: 'give slotId, or localDate and localTime' },
        ]);
      }
      await auditedWrite(
        db,
        ctx,
        {
          ...citizenEntry('appointment_request.decide', f.appointment),
          details: { requestId, decision: body.decision },
        },
        async (tx) => {
          const decided = await decideRequest(tx, requestId, {
            status: accept ? 'accepted' : 'declined',
            decidedAt: now,
            decidedByPersonnelId: access.personnelId,
            response: body.response ?? null,
          });
          if (!decided) {
            throw new ConflictError('Forespørselen er allerede besvart.', 'request_already_decided');
          }
          const events = [appointmentEvent('appointment_request.decided', f.appointment, now, { requestId })];
          if (accept && request.kind === 'cancellation') {
            const done = await cancelBooked(tx, request.appointmentId, {
              cancelledAt: now,
              cancelledBy: request.requestedByPersonId === request.personId ? 'citizen' : 'representative',
              cancelledByPersonId: request.requestedByPersonId,
              cancellationReason: request.reason ?? 'citizen_request',
              cancellationComment: request.comment,
            });
            if (!done) {
              throw new NoLongerBookedError();
            }
            events.push(appointmentEvent('appointment.cancelled', done, now));
          } else if (newTime) {
            const at = await resolveTarget(tx, ctx, f.unit, f.type, body, now);
            // One notice for the answer, not a second one for the move it contains.
            await moveIn(tx, f.appointment, f.type, at, now, false);
            events.push(appointmentEvent('appointment.moved', f.appointment, now));
          }
          await notifyCitizen(tx, f.appointment, 'appointment_request_answered', `appointment_request:${requestId}`);
          return { result: requestId, events };
        },
      );
      return (await requestById(db, requestId))!;
    },
  };
}
