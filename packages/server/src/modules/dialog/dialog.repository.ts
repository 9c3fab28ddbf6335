import type { UpdateServiceUnitSettingsBody } from '@helsebro/contracts';
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  careRelations,
  dialogAttachments,
  dialogConversations,
  dialogMessages,
  municipalities,
  persons,
  personnel,
  personnelRoles,
  serviceUnitAbsences,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { activeCareRelationOn } from '../care/index.ts';
import { hasRoleInUnit } from '../organisations/index.ts';
import type { UploadedFile } from './attachments.ts';

export type UnitRow = typeof serviceUnits.$inferSelect;
export type ConversationRow = typeof dialogConversations.$inferSelect;
/** Whose view: the citizen's or the unit's. Unread counts count the other side's messages. */
export type Side = 'citizen' | 'unit';
export type MessageAuthor = { side: 'citizen'; personId: string } | { side: 'unit'; personnelId: string };

const author = aliasedTable(persons, 'author');
const principal = aliasedTable(persons, 'principal');
const staffAuthor = aliasedTable(personnel, 'staff_author');
const assignee = aliasedTable(personnel, 'assignee');
const fullName = (t: { givenName: unknown; familyName: unknown }) =>
  sql<string>`${t.givenName} || ' ' || ${t.familyName}`;

/** Conversations with unit, citizen, assignee and the count of the other side's unread messages. */
function summaries(q: Queryable, side: Side, where: SQL | undefined) {
  return q
    .select({
      c: dialogConversations,
      unitName: serviceUnits.name,
      citizenName: fullName(principal),
      assigneeName: sql<string | null>`${assignee.givenName} || ' ' || ${assignee.familyName}`,
      unread: sql<number>`(SELECT count(*)::int FROM dialog_messages m WHERE m.conversation_id = ${dialogConversations.id}
        AND m.read_at IS NULL AND m.from_side <> ${side})`,
    })
    .from(dialogConversations)
    .innerJoin(serviceUnits, eq(serviceUnits.id, dialogConversations.serviceUnitId))
    .innerJoin(principal, eq(principal.id, dialogConversations.personId))
    .leftJoin(assignee, eq(assignee.id, dialogConversations.assignedPersonnelId))
    .where(where)
    .orderBy(desc(dialogConversations.lastMessageAt));
}
export type SummaryRow = Awaited<ReturnType<typeof summaries>>[number];

/**
 * The dialog's SQL (A3 conversations, A4 unit settings). Staff queries carry the caller's municipality
 * (`inMunicipality`); a citizen's queries are bounded by the principal instead, whose services may come from
 * more than one municipality.
 */
export const dialogRepository = {
  /** Units the person has a care relation with today, with their municipality, by name (one row per relation). */
  unitsWithActiveRelation(q: Queryable, personId: string, today: string) {
    return q
      .select({ unit: serviceUnits, municipality: { id: municipalities.id, name: municipalities.name } })
      .from(careRelations)
      .innerJoin(serviceUnits, eq(serviceUnits.id, careRelations.serviceUnitId))
      .innerJoin(municipalities, eq(municipalities.id, careRelations.municipalityId))
      .where(and(eq(careRelations.personId, personId), activeCareRelationOn(today)))
      .orderBy(asc(serviceUnits.name));
  },

  /**
   * Whether the person has an active care relation with the unit on `today`, in the unit's municipality: the only
   * citizens a unit may start a conversation with.
   */
  async hasActiveRelationWithUnit(
    q: Queryable,
    unit: Pick<UnitRow, 'id' | 'municipalityId'>,
    personId: string,
    today: string,
  ): Promise<boolean> {
    const [row] = await q
      .select({ id: careRelations.id })
      .from(careRelations)
      .where(
        and(
          eq(careRelations.personId, personId),
          eq(careRelations.serviceUnitId, unit.id),
          eq(careRelations.municipalityId, unit.municipalityId),
          activeCareRelationOn(today),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /** Whether one of the unit's absence periods covers `today` (Oslo date). */
  async absentOn(q: Queryable, unit: Pick<UnitRow, 'id' | 'municipalityId'>, today: string): Promise<boolean> {
    const [row] = await q
      .select({ id: serviceUnitAbsences.id })
      .from(serviceUnitAbsences)
      .where(
        and(
          eq(serviceUnitAbsences.serviceUnitId, unit.id),
          eq(serviceUnitAbsences.municipalityId, unit.municipalityId),
          lte(serviceUnitAbsences.startsOn, today),
          gte(serviceUnitAbsences.endsOn, today),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /** The unit's absence periods, earliest first. */
  absencesOf(q: Queryable, unit: Pick<UnitRow, 'id' | 'municipalityId'>) {
    return q
      .select({
        startsOn: serviceUnitAbsences.startsOn,
        endsOn: serviceUnitAbsences.endsOn,
        note: serviceUnitAbsences.note,
      })
      .from(serviceUnitAbsences)
      .where(
        and(
          eq(serviceUnitAbsences.serviceUnitId, unit.id),
          eq(serviceUnitAbsences.municipalityId, unit.municipalityId),
        ),
      )
      .orderBy(asc(serviceUnitAbsences.startsOn));
  },

  /** The unit a conversation is with. */
  async unitOf(q: Queryable, conv: Pick<ConversationRow, 'serviceUnitId' | 'municipalityId'>) {
    const [unit] = await q
      .select()
      .from(serviceUnits)
      .where(and(eq(serviceUnits.id, conv.serviceUnitId), eq(serviceUnits.municipalityId, conv.municipalityId)));
    return unit;
  },

  /** A conversation of the principal's, or undefined. */
  async conversationOfPerson(q: Queryable, id: string, personId: string) {
    const [conv] = await q
      .select()
      .from(dialogConversations)
      .where(and(eq(dialogConversations.id, id), eq(dialogConversations.personId, personId)));
    return conv;
  },

  /** A conversation in the caller's municipality, or undefined. */
  async conversationInMunicipality(q: Queryable, ctx: RequestContext, id: string) {
    const [conv] = await q
      .select()
      .from(dialogConversations)
      .where(and(eq(dialogConversations.id, id), inMunicipality(dialogConversations.municipalityId, ctx)));
    return conv;
  },

  async insertConversation(q: Queryable, values: typeof dialogConversations.$inferInsert) {
    const [conv] = await q.insert(dialogConversations).values(values).returning();
    return conv!;
  },

  /**
   * Stores a message with its files and moves the conversation's last-message time.
   * @returns the message's id
   */
  async insertMessage(
    q: Queryable,
    conv: Pick<ConversationRow, 'id' | 'municipalityId'>,
    from: MessageAuthor,
    text: string,
    files: UploadedFile[],
    now: Date,
  ): Promise<string> {
    const [msg] = await q
      .insert(dialogMessages)
      .values({
        municipalityId: conv.municipalityId,
        conversationId: conv.id,
        fromSide: from.side,
        authorPersonId: from.side === 'citizen' ? from.personId : null,
        authorPersonnelId: from.side === 'unit' ? from.personnelId : null,
        body: text,
        createdAt: now,
      })
      .returning({ id: dialogMessages.id });
    for (const f of files) {
      await q.insert(dialogAttachments).values({
        municipalityId: conv.municipalityId,
        messageId: msg!.id,
        filename: f.filename,
        contentType: f.contentType,
        sizeBytes: f.bytes.length,
        sha256: f.sha256,
        content: f.bytes,
      });
    }
    await q.update(dialogConversations).set({ lastMessageAt: now }).where(eq(dialogConversations.id, conv.id));
    return msg!.id;
  },

  /**
   * Stores the unit's automatic reply: from the unit side, with no health worker as author. It does not move the
   * conversation's last-message time past the citizen's message it follows (the same instant), and it is marked
   * read by the citizen side at once, since the one who wrote sees it in the answer to their own message.
   * @param at - a moment after the citizen's message, so the thread's order (by time) puts it second
   */
  async insertAutoReply(
    q: Queryable,
    conv: Pick<ConversationRow, 'id' | 'municipalityId'>,
    text: string,
    at: Date,
    readByPersonId: string,
  ): Promise<string> {
    const [msg] = await q
      .insert(dialogMessages)
      .values({
        municipalityId: conv.municipalityId,
        conversationId: conv.id,
        fromSide: 'unit',
        automatic: true,
        body: text,
        createdAt: at,
        readAt: at,
        readByPersonId,
      })
      .returning({ id: dialogMessages.id });
    return msg!.id;
  },

  /** The principal's conversations, newest first, with the unit's unread messages counted. */
  summariesOfPerson: (q: Queryable, personId: string) =>
    summaries(q, 'citizen', eq(dialogConversations.personId, personId)),

  /** The unit's conversations, newest first, with the citizens' unread messages counted. */
  summariesOfUnit: (q: Queryable, ctx: RequestContext, unitId: string) =>
    summaries(
      q,
      'unit',
      and(eq(dialogConversations.serviceUnitId, unitId), inMunicipality(dialogConversations.municipalityId, ctx)),
    ),

  async summaryOf(q: Queryable, side: Side, conversationId: string) {
    const [row] = await summaries(q, side, eq(dialogConversations.id, conversationId));
    return row!;
  },

  /** A conversation's messages, oldest first, with the citizen author's and the staff author's names. */
  messagesOf(q: Queryable, conversationId: string) {
    return q
      .select({
        m: dialogMessages,
        authorName: sql<string | null>`${author.givenName} || ' ' || ${author.familyName}`,
        staffName: sql<string | null>`${staffAuthor.givenName} || ' ' || ${staffAuthor.familyName}`,
      })
      .from(dialogMessages)
      .leftJoin(author, eq(author.id, dialogMessages.authorPersonId))
      .leftJoin(staffAuthor, eq(staffAuthor.id, dialogMessages.authorPersonnelId))
      .where(eq(dialogMessages.conversationId, conversationId))
      .orderBy(asc(dialogMessages.createdAt), asc(dialogMessages.id));
  },

  /** What is listed of the messages' attachments (never their bytes), by name. */
  async attachmentsOf(q: Queryable, messageIds: string[]) {
    if (messageIds.length === 0) {
      return [];
    }
    return q
      .select({
        id: dialogAttachments.id,
        messageId: dialogAttachments.messageId,
        filename: dialogAttachments.filename,
        contentType: dialogAttachments.contentType,
        sizeBytes: dialogAttachments.sizeBytes,
      })
      .from(dialogAttachments)
      .where(inArray(dialogAttachments.messageId, messageIds))
      .orderBy(asc(dialogAttachments.filename));
  },

  /**
   * Marks the other side's unread messages in a conversation as read, by whoever opened it.
   * @param fromSide - whose messages are being read
   * @param reader - when, and the citizen (or proxy) or staff member who read them
   * @returns the ids of the messages now marked read
   */
  async markRead(
    q: Queryable,
    conversationId: string,
    fromSide: Side,
    reader: { readAt: Date; readByPersonId?: string; readByPersonnelId?: string | null },
  ): Promise<string[]> {
    const rows = await q
      .update(dialogMessages)
      .set(reader)
      .where(
        and(
          eq(dialogMessages.conversationId, conversationId),
          eq(dialogMessages.fromSide, fromSide),
          isNull(dialogMessages.readAt),
        ),
      )
      .returning({ id: dialogMessages.id });
    return rows.map((r) => r.id).sort();
  },

  /** An attachment with its conversation, whoever asks (the caller is checked against the conversation). */
  async attachmentWithConversation(q: Queryable, id: string) {
    const [row] = await q
      .select({ a: dialogAttachments, conv: dialogConversations })
      .from(dialogAttachments)
      .innerJoin(dialogMessages, eq(dialogMessages.id, dialogAttachments.messageId))
      .innerJoin(dialogConversations, eq(dialogConversations.id, dialogMessages.conversationId))
      .where(eq(dialogAttachments.id, id));
    return row;
  },

  /** The units by name, each with the count of unread citizen messages. */
  async unreadByUnit(q: Queryable, ctx: RequestContext, unitIds: string[]) {
    const rows = await q
      .select({
        id: serviceUnits.id,
        name: serviceUnits.name,
        openForDialog: serviceUnits.openForDialog,
        unread: sql<number>`(SELECT count(*)::int FROM dialog_messages m JOIN dialog_conversations c ON c.id = m.conversation_id
          WHERE c.service_unit_id = service_units.id AND m.from_side = 'citizen' AND m.read_at IS NULL)`,
      })
      .from(serviceUnits)
      .where(and(inArray(serviceUnits.id, unitIds), inMunicipality(serviceUnits.municipalityId, ctx)))
      .orderBy(asc(serviceUnits.name));
    return rows.map((r) => ({ ...r, unread: Number(r.unread) }));
  },

  /** Closes an open conversation; undefined when it was closed already. */
  async closeIfOpen(q: Queryable, id: string, closedByPersonnelId: string | null, now: Date) {
    const [closed] = await q
      .update(dialogConversations)
      .set({ status: 'closed', closedAt: now, closedByPersonnelId })
      .where(and(eq(dialogConversations.id, id), eq(dialogConversations.status, 'open')))
      .returning();
    return closed;
  },

  /** Whether a health worker has a role in the unit (in the caller's municipality). */
  hasRoleInUnit,

  async setAssignee(q: Queryable, id: string, personnelId: string | null) {
    const [updated] = await q
      .update(dialogConversations)
      .set({ assignedPersonnelId: personnelId })
      .where(eq(dialogConversations.id, id))
      .returning();
    return updated!;
  },

  /** The distinct people with a role in the unit, by name. */
  staffOfUnit(q: Queryable, ctx: RequestContext, unitId: string) {
    return q
      .selectDistinct({ personnelId: personnel.id, displayName: fullName(personnel) })
      .from(personnelRoles)
      .innerJoin(personnel, eq(personnel.id, personnelRoles.personnelId))
      .where(and(eq(personnelRoles.serviceUnitId, unitId), inMunicipality(personnelRoles.municipalityId, ctx)))
      .orderBy(fullName(personnel));
  },

  /** Sets the unit's contact details and dialog settings and replaces its absence periods. */
  async updateUnitSettings(
    q: Queryable,
    ctx: RequestContext,
    unit: Pick<UnitRow, 'id' | 'municipalityId'>,
    body: UpdateServiceUnitSettingsBody,
  ) {
    const { absences, ...fields } = body;
    const [updated] = await q
      .update(serviceUnits)
      .set(fields)
      .where(and(eq(serviceUnits.id, unit.id), inMunicipality(serviceUnits.municipalityId, ctx)))
      .returning();
    await q
      .delete(serviceUnitAbsences)
      .where(
        and(eq(serviceUnitAbsences.serviceUnitId, unit.id), inMunicipality(serviceUnitAbsences.municipalityId, ctx)),
      );
    for (const a of absences) {
      await q.insert(serviceUnitAbsences).values({ ...a, municipalityId: unit.municipalityId, serviceUnitId: unit.id });
    }
    return updated!;
  },
};
