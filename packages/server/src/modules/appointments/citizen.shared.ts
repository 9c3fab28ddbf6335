import type { AuditAction } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requireAction, type CitizenPrincipal } from '../../platform/http/access.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { appointmentOfPerson, type AppointmentFull } from './appointments.repository.ts';

/**
 * What the citizen side's use cases (booking, requests, visits) share. Every call acts for the principal the
 * session acts for, with the rights the representation engine decided on this request (as the dialog does).
 */

/**
 * The principal, if the caller may book, cancel or ask for a new time for them. The refusal says that reading is
 * allowed, since a parent of a 12–15-year-old sees the appointments and the area alone would mislead.
 * @param ctx - the caller
 */
export const requireManage = (ctx: RequestContext): CitizenPrincipal =>
  requireAction(
    ctx,
    'appointments.manage',
    'Du kan se timeavtalene, men ikke bestille eller endre dem for denne personen.',
  );

/** The audit entry of a citizen-side use case, with the principal as subject. */
export const principalEntry = (
  action: AuditAction,
  subject: string,
  id?: string,
  details?: Record<string, unknown>,
) => ({
  action,
  resourceType: 'appointment',
  resourceId: id ?? null,
  subjectPersonId: subject,
  ...(details ? { details } : {}),
});

/** One of the principal's appointments; another person's is 404, as one that does not exist. */
export async function appointmentOfPrincipal(q: Queryable, id: string, principalId: string): Promise<AppointmentFull> {
  const f = await appointmentOfPerson(q, id, principalId);
  if (!f) {
    throw new NotFoundError('Fant ikke timeavtalen.', 'appointment_not_found');
  }
  return f;
}
