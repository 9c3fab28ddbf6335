import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.ts';
import { appointments } from '../../platform/db/schema.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { notifyCitizen } from './shared.ts';

const remindPayload = z.object({ appointmentId: z.uuid(), version: z.number().int() });

/**
 * The `appointments.remind` handler: tells the citizen (as a service message, no details) that an appointment is
 * near. A reminder queued before the appointment was moved or cancelled finds another version or status and does
 * nothing, so stale reminders need no clean-up. Safe to repeat: the notice's event key is claimed once.
 * @param db - the database
 * @param job - the outbox job
 */
export async function remind(db: Db, job: Job): Promise<void> {
  const p = remindPayload.parse(job.payload);
  await db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.id, p.appointmentId),
          eq(appointments.version, p.version),
          eq(appointments.status, 'booked'),
        ),
      );
    if (!a) {
      return;
    }
    await notifyCitizen(tx, a, 'appointment_reminder', `appointment.reminder:${a.id}:${a.version}`);
  });
}
