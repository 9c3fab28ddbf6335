import type { Db } from '../../platform/db/client.ts';
import type { Job } from '../../platform/jobs/index.ts';
import { bookedAtVersion } from './appointments.repository.ts';
import { notifyCitizen, remindPayload } from './shared.ts';

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
    const a = await bookedAtVersion(tx, p.appointmentId, p.version);
    if (!a) {
      return;
    }
    await notifyCitizen(tx, a, 'appointment_reminder', `appointment.reminder:${a.id}:${a.version}`);
  });
}
