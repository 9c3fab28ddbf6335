import type { AppointmentRequest, NewTimeRequestBody } from '@helsebro/contracts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { cancelRefused, RuleError } from './appointments.errors.ts';
import { unitPhone } from './appointments.views.ts';
import { appointmentOfPrincipal, principalEntry, requireManage } from './citizen.shared.ts';
import { insertRequest, requestById } from './requests.repository.ts';
import { appointmentEvent, auditedWrite } from './shared.ts';

/**
 * The citizen's requests to the unit (A5): a new time for a booked appointment ahead, one open request at a time.
 * (A cancellation that needs the unit's acceptance becomes a request through the booking service's cancel.)
 */
export function createCitizenRequestsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    async requestNewTime(ctx: RequestContext, id: string, body: NewTimeRequestBody): Promise<AppointmentRequest> {
      const who = requireManage(ctx);
      const now = clock.now();
      const requestId = await auditedWrite(
        db,
        ctx,
        principalEntry('appointment.new_time_request', who.principalId, id),
        async (tx) => {
          const f = await appointmentOfPrincipal(tx, id, who.principalId);
          const a = f.appointment;
          if (a.status !== 'booked' || a.startsAt.getTime() <= now.getTime()) {
            throw new RuleError('appointment_not_booked', 'Du kan bare be om ny time for en bestilt time fram i tid.');
          }
          const request = await insertRequest(tx, {
            municipalityId: a.municipalityId,
            serviceUnitId: a.serviceUnitId,
            appointmentId: a.id,
            personId: who.principalId,
            kind: 'new_time',
            comment: body.comment,
            requestedByPersonId: who.actorId,
          });
          if (!request) {
            throw cancelRefused({
              reason: 'request_pending',
              cancelDeadline: null,
              cancelByDate: null,
              unit: unitPhone(f.unit),
            });
          }
          return {
            result: request.id,
            details: { requestId: request.id },
            events: [appointmentEvent('appointment_request.created', a, now, { requestId: request.id })],
          };
        },
      );
      return (await requestById(db, requestId))!;
    },
  };
}
