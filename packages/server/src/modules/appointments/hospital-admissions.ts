import { and, eq, gte, isNull, ne, sql, type Column } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { qualified } from '../../platform/db/qualified.ts';
import { appointments, appointmentTypes, hospitalAdmissions } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { AcceptedPloMessage } from '../plo/index.ts';

/**
 * Hospital admission pauses home visits (issue 15). The hospital's "Melding om innlagt pasient" (LOG_INNLAGT, HIS
 * 1149) opens an admission for a citizen with planned home visits; "Melding om utskrevet pasient" (LOG_UTSKREVET)
 * or the Utskrivningsrapport (HIS 1148) closes it. Visits are never cancelled: "paused" is derived from an open
 * admission, so a discharge brings them back as they were, and the unit is prompted to review the plan until a
 * visit is done after the discharge.
 */

const ADMITS = new Set(['LOG_INNLAGT']);
const DISCHARGES = new Set(['LOG_UTSKREVET', 'UTSKRIVNINGSRAPPORT']);

/**
 * Opens or closes the patient's admission for a received message. Idempotent: each message opens or closes at
 * most one admission (unique message ids), a second LOG_INNLAGT while admitted changes nothing (one open
 * admission per citizen and municipality), and a discharge without an open admission changes nothing. Only a
 * citizen with planned home visits in the municipality is admitted: nobody else has visits to pause.
 * @param db - the store (its own transaction, after the message is stored)
 * @param ctx - the sending partner's context, in the receiving municipality
 * @param m - the accepted message
 */
export async function applyAdmissionMessage(db: Db, ctx: RequestContext, m: AcceptedPloMessage): Promise<void> {
  if (!ADMITS.has(m.msgType) && !DISCHARGES.has(m.msgType)) {
    return;
  }
  const subject = and(
    eq(hospitalAdmissions.municipalityId, m.municipalityId),
    eq(hospitalAdmissions.personId, m.patientPersonId),
  );
  await db.transaction(async (tx) => {
    if (ADMITS.has(m.msgType)) {
      const [planned] = await tx
        .select({ id: appointments.id })
        .from(appointments)
        .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
        .where(
          and(
            eq(appointments.municipalityId, m.municipalityId),
            eq(appointments.personId, m.patientPersonId),
            eq(appointmentTypes.kind, 'home_visit'),
            ne(appointments.status, 'cancelled'),
            gte(appointments.startsAt, m.receivedAt),
          ),
        )
        .limit(1);
      if (!planned) {
        return;
      }
      const [row] = await tx
        .insert(hospitalAdmissions)
        .values({
          municipalityId: m.municipalityId,
          personId: m.patientPersonId,
          admittedAt: m.receivedAt,
          admissionMessageId: m.messageId,
        })
        .onConflictDoNothing()
        .returning({ id: hospitalAdmissions.id });
      if (row) {
        await audit(tx, ctx, 'hospital_admission.start', row.id, m);
      }
    } else if (DISCHARGES.has(m.msgType)) {
      const [row] = await tx
        .update(hospitalAdmissions)
        .set({
          dischargedAt: sql`greatest(${hospitalAdmissions.admittedAt}, ${m.receivedAt.toISOString()}::timestamptz)`,
          dischargeMessageId: m.messageId,
        })
        .where(and(subject, isNull(hospitalAdmissions.dischargedAt)))
        .returning({ id: hospitalAdmissions.id });
      if (row) {
        await audit(tx, ctx, 'hospital_admission.end', row.id, m);
      }
    }
  });
}

const audit = (
  q: Parameters<typeof recordAudit>[0],
  ctx: RequestContext,
  action: 'hospital_admission.start' | 'hospital_admission.end',
  id: string,
  m: AcceptedPloMessage,
) =>
  recordAudit(q, ctx, {
    action,
    resourceType: 'hospital_admission',
    resourceId: id,
    subjectPersonId: m.patientPersonId,
    details: { messageId: m.messageId, msgType: m.msgType },
  });

/**
 * Whether a home visit is paused: its citizen has an open admission in its municipality that began before it.
 * @param row - the appointment's columns (or an alias's)
 */
export const pausedByAdmission = (row: { municipalityId: Column; personId: Column; startsAt: Column }) =>
  sql<boolean>`EXISTS (SELECT 1 FROM hospital_admissions h
    WHERE h.municipality_id = ${qualified(row.municipalityId)} AND h.person_id = ${qualified(row.personId)}
      AND h.discharged_at IS NULL AND h.admitted_at <= ${qualified(row.startsAt)})`;
