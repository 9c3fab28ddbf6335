import type { ConversationResponse, ConversationSummary, ServiceUnitSettings } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { safeFilename } from '../../platform/http/content-disposition.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import {
  dialogRepository as repo,
  type ConversationRow,
  type Side,
  type SummaryRow,
  type UnitRow,
} from './dialog.repository.ts';
import { closedAt } from './opening-hours.ts';

/** A conversation as listed: unit, citizen, assignee and unread count for the side that asks. */
export function toSummary(r: SummaryRow): ConversationSummary {
  return {
    id: r.c.id,
    subject: r.c.subject,
    status: r.c.status,
    serviceUnit: { id: r.c.serviceUnitId, name: r.unitName },
    citizen: { personId: r.c.personId, displayName: r.citizenName },
    assignedTo:
      r.c.assignedPersonnelId && r.assigneeName
        ? { personnelId: r.c.assignedPersonnelId, displayName: r.assigneeName }
        : null,
    startedBy: r.c.startedByPersonnelId === null ? 'citizen' : 'unit',
    createdAt: r.c.createdAt.toISOString(),
    lastMessageAt: r.c.lastMessageAt.toISOString(),
    unread: Number(r.unread),
  };
}

/**
 * A conversation with its messages, as one side sees it, and the unit's response time and automatic reply.
 * @param q - the database or the open transaction (so a write just made is seen)
 * @param side - whose unread count the summary carries
 */
export async function conversationView(q: Queryable, side: Side, conv: ConversationRow): Promise<ConversationResponse> {
  const summary = toSummary(await repo.summaryOf(q, side, conv.id));
  const rows = await repo.messagesOf(q, conv.id);
  const files = await repo.attachmentsOf(
    q,
    rows.map((r) => r.m.id),
  );
  const unit = (await repo.unitOf(q, conv))!;
  return {
    conversation: summary,
    messages: rows.map((r) => ({
      id: r.m.id,
      from: r.m.fromSide,
      // The automatic reply has no health worker as author: it is the unit's own.
      authorName: (r.m.automatic ? unit.name : r.m.fromSide === 'citizen' ? r.authorName : r.staffName) ?? '',
      onBehalfOf:
        r.m.fromSide === 'citizen' && r.m.authorPersonId !== conv.personId ? summary.citizen.displayName : null,
      text: r.m.body,
      createdAt: r.m.createdAt.toISOString(),
      readAt: r.m.readAt?.toISOString() ?? null,
      // Cleaned again as the download does, so a name stored before the cleaning reads as the file saves.
      attachments: files
        .filter((f) => f.messageId === r.m.id)
        .map(({ messageId: _m, ...f }) => ({ ...f, filename: safeFilename(f.filename, f.contentType) })),
      automatic: r.m.automatic,
    })),
    expectedResponseWorkingDays: unit.responseWorkingDays,
    autoReply: unit.autoReply,
  };
}

/**
 * A unit's contact details, dialog settings and absences (A4), and whether it is absent or closed `now`.
 * @param now - the instant (its Oslo date decides absence, its Oslo time the weekly hours)
 */
export async function unitSettingsView(q: Queryable, unit: UnitRow, now: Date): Promise<ServiceUnitSettings> {
  const absences = await repo.absencesOf(q, unit);
  const today = osloDateOf(now);
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    phone: unit.phone,
    email: unit.email,
    openingHours: unit.openingHours,
    weeklyHours: unit.weeklyHours,
    openForDialog: unit.openForDialog,
    responseWorkingDays: unit.responseWorkingDays,
    autoReply: unit.autoReply,
    functionalEmail: unit.functionalEmail,
    alertByEmail: unit.alertByEmail,
    absences,
    absentNow: absences.some((a) => a.startsOn <= today && today <= a.endsOn),
    closedNow: closedAt(unit.weeklyHours, now),
  };
}
