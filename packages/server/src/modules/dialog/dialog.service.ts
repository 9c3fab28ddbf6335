import type { AuditAction } from '@helsebro/contracts';
import {
  DIALOG_LIMITS,
  type ConversationResponse,
  type ConversationSummary,
  type ConversationsResponse,
  type DialogUnitsResponse,
  type ServiceUnitSettings,
  type StaffDialogUnitsResponse,
  type StaffInboxResponse,
  type UnitStaffResponse,
  type UpdateServiceUnitSettingsBody,
} from '@helsebro/contracts';
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { audited, auditedRead, recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
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
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { safeFilename } from '../../platform/http/content-disposition.ts';
import { mayAct, type RequestContext } from '../../platform/http/request-context.ts';
import { enqueue } from '../../platform/jobs/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { osloDate } from '../representation/index.ts';
import { recordEpjEvent } from '../epj/index.ts';
import type { MessageInput } from './attachments.ts';

type Unit = typeof serviceUnits.$inferSelect;
type Conversation = typeof dialogConversations.$inferSelect;

const author = aliasedTable(persons, 'author');
const principal = aliasedTable(persons, 'principal');
const staffAuthor = aliasedTable(personnel, 'staff_author');
const fullName = (t: { givenName: unknown; familyName: unknown }) =>
  sql<string>`${t.givenName} || ' ' || ${t.familyName}`;

/**
 * Who writes or reads for the unit when it is not a staff member in the web: the health worker an EPJ acts for
 * (null when the EPJ names none, e.g. for marking read), and what the audit entry should say about them.
 */
export type UnitActing = { personnelId: string | null; details?: Record<string, unknown> };

/** The job that tells the citizen (and whoever reads for them) about a new message from a unit. */
export const NOTIFY_JOB = 'notifications.dispatch';
export const UNIT_ALERT_JOB = 'notifications.unit_alert';

async function unitSettings(q: Queryable, unit: Unit, today: string): Promise<ServiceUnitSettings> {
  const absences = await q
    .select({
      startsOn: serviceUnitAbsences.startsOn,
      endsOn: serviceUnitAbsences.endsOn,
      note: serviceUnitAbsences.note,
    })
    .from(serviceUnitAbsences)
    .where(
      and(eq(serviceUnitAbsences.serviceUnitId, unit.id), eq(serviceUnitAbsences.municipalityId, unit.municipalityId)),
    )
    .orderBy(asc(serviceUnitAbsences.startsOn));
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    phone: unit.phone,
    email: unit.email,
    openingHours: unit.openingHours,
    openForDialog: unit.openForDialog,
    responseWorkingDays: unit.responseWorkingDays,
    autoReply: unit.autoReply,
    functionalEmail: unit.functionalEmail,
    alertByEmail: unit.alertByEmail,
    absences,
    absentNow: absences.some((a) => a.startsOn <= today && today <= a.endsOn),
  };
}

/** Validates subject and text (plain text, kept verbatim; only surrounding whitespace is trimmed). */
function messageText(input: MessageInput, withSubject: boolean): { subject: string; text: string } {
  const text = (input.fields.text ?? '').trim();
  const subject = (input.fields.subject ?? '').trim();
  if (withSubject && subject.length === 0) {
    throw new ValidationError(
      'Skriv et emne for meldingen.',
      [{ path: 'subject', message: 'mangler' }],
      'subject_required',
    );
  }
  if (text.length === 0) {
    throw new ValidationError(
      'Meldingen er tom. Skriv hva du vil si.',
      [{ path: 'text', message: 'tom' }],
      'message_empty',
    );
  }
  if (text.length > DIALOG_LIMITS.maxTextLength || subject.length > DIALOG_LIMITS.maxSubjectLength) {
    throw new ValidationError(
      `Meldingen kan ha høyst ${DIALOG_LIMITS.maxTextLength} tegn og emnet ${DIALOG_LIMITS.maxSubjectLength}.`,
      [{ path: text.length > DIALOG_LIMITS.maxTextLength ? 'text' : 'subject', message: 'for lang' }],
      'message_too_long',
    );
  }
  return { subject, text };
}

/**
 * Asks notifications to e-mail the unit's functional address about a citizen's new message, if the unit wants
 * that (the handler decides, so this costs one job row and no read here).
 */
async function alertUnit(
  q: Queryable,
  conv: Pick<Conversation, 'municipalityId' | 'serviceUnitId'>,
  messageId: string,
) {
  await enqueue(q, {
    kind: UNIT_ALERT_JOB,
    municipalityId: conv.municipalityId,
    payload: { eventKey: `dialog.message:${messageId}`, serviceUnitId: conv.serviceUnitId },
  });
}

async function insertMessage(
  q: Queryable,
  conv: Pick<Conversation, 'id' | 'municipalityId'>,
  from: { side: 'citizen'; personId: string } | { side: 'unit'; personnelId: string },
  text: string,
  input: MessageInput,
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
  for (const f of input.files) {
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
}

/** Summaries with unread counts for one side: messages from the other side not yet read. */
async function summaries(
  q: Queryable,
  side: 'citizen' | 'unit',
  where: ReturnType<typeof and>,
): Promise<ConversationSummary[]> {
  const assignee = aliasedTable(personnel, 'assignee');
  const rows = await q
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
  return rows.map((r) => ({
    id: r.c.id,
    subject: r.c.subject,
    status: r.c.status,
    serviceUnit: { id: r.c.serviceUnitId, name: r.unitName },
    citizen: { personId: r.c.personId, displayName: r.citizenName },
    assignedTo:
      r.c.assignedPersonnelId && r.assigneeName
        ? { personnelId: r.c.assignedPersonnelId, displayName: r.assigneeName }
        : null,
    createdAt: r.c.createdAt.toISOString(),
    lastMessageAt: r.c.lastMessageAt.toISOString(),
    unread: Number(r.unread),
  }));
}

async function conversationView(
  q: Queryable,
  side: 'citizen' | 'unit',
  conv: Conversation,
): Promise<ConversationResponse> {
  const [summary] = await summaries(q, side, eq(dialogConversations.id, conv.id));
  const rows = await q
    .select({
      m: dialogMessages,
      authorName: sql<string | null>`${author.givenName} || ' ' || ${author.familyName}`,
      staffName: sql<string | null>`${staffAuthor.givenName} || ' ' || ${staffAuthor.familyName}`,
    })
    .from(dialogMessages)
    .leftJoin(author, eq(author.id, dialogMessages.authorPersonId))
    .leftJoin(staffAuthor, eq(staffAuthor.id, dialogMessages.authorPersonnelId))
    .where(eq(dialogMessages.conversationId, conv.id))
    .orderBy(asc(dialogMessages.createdAt), asc(dialogMessages.id));
  const ids = rows.map((r) => r.m.id);
  const files =
    ids.length > 0
      ? await q
          .select({
            id: dialogAttachments.id,
            messageId: dialogAttachments.messageId,
            filename: dialogAttachments.filename,
            contentType: dialogAttachments.contentType,
            sizeBytes: dialogAttachments.sizeBytes,
          })
          .from(dialogAttachments)
          .where(inArray(dialogAttachments.messageId, ids))
          .orderBy(asc(dialogAttachments.filename))
      : [];
  const [unit] = await q.select().from(serviceUnits).where(eq(serviceUnits.id, conv.serviceUnitId));
  return {
    conversation: summary!,
    messages: rows.map((r) => ({
      id: r.m.id,
      from: r.m.fromSide,
      authorName: (r.m.fromSide === 'citizen' ? r.authorName : r.staffName) ?? '',
      onBehalfOf:
        r.m.fromSide === 'citizen' && r.m.authorPersonId !== conv.personId ? summary!.citizen.displayName : null,
      text: r.m.body,
      createdAt: r.m.createdAt.toISOString(),
      readAt: r.m.readAt?.toISOString() ?? null,
      // Cleaned again as the download does, so a name stored before the cleaning reads as the file saves.
      attachments: files
        .filter((f) => f.messageId === r.m.id)
        .map(({ messageId: _m, ...f }) => ({ ...f, filename: safeFilename(f.filename, f.contentType) })),
    })),
    expectedResponseWorkingDays: unit!.responseWorkingDays,
    autoReply: unit!.autoReply,
  };
}

/**
 * The citizen dialog (A3) and the units' settings (A4). Citizen calls act for the session's acting-for person (the
 * principal, to whom every message is addressed); staff calls are limited to their own units in their
 * municipality. Every read and write is audited with the citizen as subject.
 * @param platform - store and clock
 */
export function createDialogService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  const citizenOf = (ctx: RequestContext, action: 'messages.read' | 'messages.send') => {
    if (!mayAct(ctx, action)) {
      throw new ForbiddenError(
        'Du har ikke tilgang til meldinger på vegne av denne personen. Det krever tjenesteområdet «Digitale helsetjenester».',
        'service_area_not_granted',
      );
    }
    return {
      principalId: ctx.actingForPersonId ?? '',
      actorId: ctx.actor.kind === 'citizen' ? ctx.actor.personId : '',
    };
  };

  const activeRelationUnits = (q: Queryable, personId: string, today: string) =>
    q
      .select({ unit: serviceUnits, municipality: { id: municipalities.id, name: municipalities.name } })
      .from(careRelations)
      .innerJoin(serviceUnits, eq(serviceUnits.id, careRelations.serviceUnitId))
      .innerJoin(municipalities, eq(municipalities.id, careRelations.municipalityId))
      .where(
        and(
          eq(careRelations.personId, personId),
          lte(careRelations.validFrom, today),
          or(isNull(careRelations.validTo), gte(careRelations.validTo, today)),
        ),
      )
      .orderBy(asc(serviceUnits.name));

  const ownConversation = async (q: Queryable, id: string, principalId: string) => {
    const [conv] = await q
      .select()
      .from(dialogConversations)
      .where(and(eq(dialogConversations.id, id), eq(dialogConversations.personId, principalId)));
    if (!conv) {
      throw new NotFoundError('Fant ikke samtalen.', 'conversation_not_found');
    }
    return conv;
  };

  const staffId = (ctx: RequestContext) => {
    if (ctx.actor.kind !== 'personnel') {
      throw new ForbiddenError('Dette er for helsepersonell.', 'wrong_role');
    }
    return ctx.actor.personnelId;
  };

  const myRoles = (q: Queryable, ctx: RequestContext) =>
    q
      .select({ unitId: personnelRoles.serviceUnitId, role: personnelRoles.role })
      .from(personnelRoles)
      .where(and(eq(personnelRoles.personnelId, staffId(ctx)), inMunicipality(personnelRoles.municipalityId, ctx)));

  const myUnit = async (q: Queryable, ctx: RequestContext, unitId: string) => {
    const roles = await myRoles(q, ctx);
    const [unit] = await q
      .select()
      .from(serviceUnits)
      .where(and(eq(serviceUnits.id, unitId), inMunicipality(serviceUnits.municipalityId, ctx)));
    if (!unit) {
      throw new NotFoundError('Fant ikke enheten i kommunen din.', 'unit_not_found');
    }
    const role = roles.find((r) => r.unitId === unitId) ?? roles.find((r) => r.role === 'municipal_admin');
    if (!role) {
      throw new ForbiddenError('Du arbeider ikke i denne enheten.', 'not_unit_staff');
    }
    return { unit, role: role.role };
  };

  const staffConversation = async (q: Queryable, ctx: RequestContext, id: string) => {
    const [conv] = await q
      .select()
      .from(dialogConversations)
      .where(and(eq(dialogConversations.id, id), inMunicipality(dialogConversations.municipalityId, ctx)));
    if (!conv) {
      throw new NotFoundError('Fant ikke samtalen.', 'conversation_not_found');
    }
    await myUnit(q, ctx, conv.serviceUnitId);
    return conv;
  };

  /**
   * The conversation and the health worker acting for the unit. Staff in the web are checked against their roles
   * in the unit. An EPJ client (a partner actor whose municipality modules/epj set from its token) acts for every
   * unit of its municipality, for the health worker it names and modules/epj found in the personnel register.
   */
  const unitSide = async (q: Queryable, ctx: RequestContext, id: string, acting?: UnitActing) => {
    if (ctx.actor.kind === 'partner' && acting) {
      const [conv] = await q
        .select()
        .from(dialogConversations)
        .where(and(eq(dialogConversations.id, id), inMunicipality(dialogConversations.municipalityId, ctx)));
      if (!conv) {
        throw new NotFoundError('Fant ikke samtalen.', 'conversation_not_found');
      }
      return { conv, personnelId: acting.personnelId, details: acting.details ?? {} };
    }
    return { conv: await staffConversation(q, ctx, id), personnelId: staffId(ctx), details: {} };
  };

  const convEntry = (
    action: AuditAction,
    conv: { id: string; personId: string },
    details: Record<string, unknown> = {},
  ) => ({
    action,
    resourceType: 'dialog_conversation',
    resourceId: conv.id,
    subjectPersonId: conv.personId,
    details,
  });

  return {
    /** Units the principal receives services from, with contact details and whether they take messages. */
    async units(ctx: RequestContext): Promise<DialogUnitsResponse> {
      const principalId = ctx.actingForPersonId ?? '';
      const today = osloDate(clock.now());
      return auditedRead(
        db,
        ctx,
        { action: 'dialog.units.read', resourceType: 'service_unit', subjectPersonId: principalId },
        async (q) => {
          citizenOf(ctx, 'messages.read');
          const rows = await activeRelationUnits(q, principalId, today);
          const seen = new Set<string>();
          const units = [];
          for (const r of rows.filter((x) => !seen.has(x.unit.id) && seen.add(x.unit.id))) {
            const { functionalEmail: _f, alertByEmail: _a, ...settings } = await unitSettings(q, r.unit, today);
            units.push({ ...settings, municipality: r.municipality });
          }
          return { units };
        },
      );
    },

    async listConversations(ctx: RequestContext): Promise<ConversationsResponse> {
      const principalId = ctx.actingForPersonId ?? '';
      return auditedRead(
        db,
        ctx,
        { action: 'dialog.conversations.list', resourceType: 'dialog_conversation', subjectPersonId: principalId },
        async (q) => {
          citizenOf(ctx, 'messages.read');
          return { conversations: await summaries(q, 'citizen', eq(dialogConversations.personId, principalId)) };
        },
      );
    },

    /**
     * Starts a conversation with a unit the principal receives services from and that takes messages.
     * @param input - subject, text and files, read completely before anything is stored
     */
    async start(ctx: RequestContext, input: MessageInput): Promise<ConversationResponse> {
      const principalId = ctx.actingForPersonId ?? '';
      const unitId = input.fields.serviceUnitId ?? '';
      return audited(
        db,
        ctx,
        {
          action: 'dialog.conversation.start',
          resourceType: 'service_unit',
          resourceId: /^[0-9a-f-]{36}$/i.test(unitId) ? unitId : null,
          subjectPersonId: principalId,
        },
        async (tx) => {
          const { actorId } = citizenOf(ctx, 'messages.send');
          const { subject, text } = messageText(input, true);
          const today = osloDate(clock.now());
          const rows = /^[0-9a-f-]{36}$/i.test(unitId) ? await activeRelationUnits(tx, principalId, today) : [];
          const found = rows.find((r) => r.unit.id === unitId);
          if (!found) {
            throw new ForbiddenError(
              'Du kan bare sende meldinger til tjenester du mottar nå. Denne enheten gir deg ingen tjeneste.',
              'no_service_from_unit',
            );
          }
          if (!found.unit.openForDialog) {
            throw new ForbiddenError(
              `${found.unit.name} tar ikke imot meldinger på Helsebro. Ring ${found.unit.phone ?? 'enheten'} i stedet.`,
              'unit_closed_for_dialog',
            );
          }
          const now = clock.now();
          const [conv] = await tx
            .insert(dialogConversations)
            .values({
              municipalityId: found.unit.municipalityId,
              serviceUnitId: unitId,
              personId: principalId,
              subject,
              startedByPersonId: actorId,
              createdAt: now,
              lastMessageAt: now,
            })
            .returning();
          const messageId = await insertMessage(tx, conv!, { side: 'citizen', personId: actorId }, text, input, now);
          await alertUnit(tx, conv!, messageId);
          await recordEpjEvent(tx, epjEvent('conversation.created', conv!, now, { messageId }));
          return conversationView(tx, 'citizen', conv!);
        },
      );
    },

    /** A conversation of the principal's; the unit's messages count as read by the citizen from now. */
    async readConversation(ctx: RequestContext, id: string): Promise<ConversationResponse> {
      const principalId = ctx.actingForPersonId ?? '';
      return audited(
        db,
        ctx,
        {
          action: 'dialog.conversation.read',
          resourceType: 'dialog_conversation',
          resourceId: id,
          subjectPersonId: principalId,
        },
        async (tx) => {
          const { actorId } = citizenOf(ctx, 'messages.read');
          const conv = await ownConversation(tx, id, principalId);
          const readAt = clock.now();
          for (const messageId of await markRead(tx, id, 'unit', { readAt, readByPersonId: actorId })) {
            await recordEpjEvent(tx, epjEvent('message.read', conv, readAt, { messageId }));
          }
          return conversationView(tx, 'citizen', conv);
        },
      );
    },

    async citizenReply(ctx: RequestContext, id: string, input: MessageInput): Promise<ConversationResponse> {
      const principalId = ctx.actingForPersonId ?? '';
      return audited(
        db,
        ctx,
        {
          action: 'dialog.message.send',
          resourceType: 'dialog_conversation',
          resourceId: id,
          subjectPersonId: principalId,
        },
        async (tx) => {
          const { actorId } = citizenOf(ctx, 'messages.send');
          const { text } = messageText(input, false);
          const conv = await ownConversation(tx, id, principalId);
          if (conv.status === 'closed') {
            throw new ConflictError('Samtalen er avsluttet. Start en ny samtale.', 'conversation_closed');
          }
          const now = clock.now();
          const messageId = await insertMessage(tx, conv, { side: 'citizen', personId: actorId }, text, input, now);
          await alertUnit(tx, conv, messageId);
          await recordEpjEvent(tx, epjEvent('message.created', conv, now, { messageId }));
          return conversationView(tx, 'citizen', conv);
        },
      );
    },

    /** An attachment of the principal's conversation (citizen) or of the staff member's unit (staff). */
    async attachment(ctx: RequestContext, id: string) {
      const entry: AuditEntry = { action: 'dialog.attachment.read', resourceType: 'dialog_attachment', resourceId: id };
      const [row] = await db
        .select({ a: dialogAttachments, personId: dialogConversations.personId, conv: dialogConversations })
        .from(dialogAttachments)
        .innerJoin(dialogMessages, eq(dialogMessages.id, dialogAttachments.messageId))
        .innerJoin(dialogConversations, eq(dialogConversations.id, dialogMessages.conversationId))
        .where(eq(dialogAttachments.id, id));
      return auditedRead(db, ctx, { ...entry, subjectPersonId: row?.personId ?? null }, async (q) => {
        if (ctx.actor.kind === 'personnel' || ctx.actor.kind === 'partner') {
          if (!row || ctx.municipalityId === null || row.conv.municipalityId !== ctx.municipalityId) {
            throw new NotFoundError('Fant ikke vedlegget.', 'attachment_not_found');
          }
          // An EPJ client acts for every unit of its municipality (see unitSide).
          if (ctx.actor.kind === 'personnel') {
            await myUnit(q, ctx, row.conv.serviceUnitId);
          }
        } else {
          citizenOf(ctx, 'messages.read');
          if (!row || row.personId !== ctx.actingForPersonId) {
            throw new NotFoundError('Fant ikke vedlegget.', 'attachment_not_found');
          }
        }
        return row.a;
      });
    },

    /** The staff member's units with unread citizen messages. */
    async staffUnits(ctx: RequestContext): Promise<StaffDialogUnitsResponse> {
      const roles = await myRoles(db, ctx);
      const ids = [...new Set(roles.map((r) => r.unitId).filter((u): u is string => u !== null))];
      if (ids.length === 0) {
        return { units: [] };
      }
      const rows = await db
        .select({
          id: serviceUnits.id,
          name: serviceUnits.name,
          openForDialog: serviceUnits.openForDialog,
          unread: sql<number>`(SELECT count(*)::int FROM dialog_messages m JOIN dialog_conversations c ON c.id = m.conversation_id
            WHERE c.service_unit_id = service_units.id AND m.from_side = 'citizen' AND m.read_at IS NULL)`,
        })
        .from(serviceUnits)
        .where(and(inArray(serviceUnits.id, ids), inMunicipality(serviceUnits.municipalityId, ctx)))
        .orderBy(asc(serviceUnits.name));
      return { units: rows.map((r) => ({ ...r, unread: Number(r.unread) })) };
    },

    /** The unit's inbox: conversations, newest first, with unread counts. Each citizen listed gets an entry. */
    async inbox(ctx: RequestContext, unitId: string): Promise<StaffInboxResponse> {
      const { unit } = await myUnit(db, ctx, unitId);
      const conversations = await summaries(
        db,
        'unit',
        and(eq(dialogConversations.serviceUnitId, unit.id), inMunicipality(dialogConversations.municipalityId, ctx)),
      );
      await db.transaction(async (tx) => {
        for (const c of conversations) {
          await recordAudit(
            tx,
            ctx,
            convEntry('dialog.inbox.list', { id: c.id, personId: c.citizen.personId }, { unit: unit.name }),
          );
        }
      });
      return {
        unit: { id: unit.id, name: unit.name },
        unread: conversations.reduce((n, c) => n + c.unread, 0),
        conversations,
      };
    },

    async staffReadConversation(ctx: RequestContext, id: string, acting?: UnitActing): Promise<ConversationResponse> {
      const { conv, personnelId, details } = await unitSide(db, ctx, id, acting);
      return audited(db, ctx, convEntry('dialog.conversation.read', conv, details), async (tx) => {
        await markRead(tx, id, 'citizen', { readAt: clock.now(), readByPersonnelId: personnelId });
        return conversationView(tx, 'unit', conv);
      });
    },

    /** The unit's view of a conversation without marking anything read (an EPJ fetching what the feed named). */
    async unitConversation(ctx: RequestContext, id: string, acting?: UnitActing): Promise<ConversationResponse> {
      const { conv, details } = await unitSide(db, ctx, id, acting);
      return auditedRead(db, ctx, convEntry('dialog.conversation.read', conv, details), (q) =>
        conversationView(q, 'unit', conv),
      );
    },

    /** A reply from the unit; the citizen and whoever reads for them get a notice through the outbox. */
    async staffReply(
      ctx: RequestContext,
      id: string,
      input: MessageInput,
      acting?: UnitActing,
    ): Promise<ConversationResponse> {
      const { conv, personnelId, details } = await unitSide(db, ctx, id, acting);
      return audited(db, ctx, convEntry('dialog.message.send', conv, details), async (tx) => {
        const { text } = messageText(input, false);
        if (conv.status === 'closed') {
          throw new ConflictError('Samtalen er avsluttet.', 'conversation_closed');
        }
        if (!personnelId) {
          throw new ValidationError(
            'Svaret må ha en forfatter med HPR-nummer.',
            [{ path: 'author', message: 'mangler' }],
            'author_required',
          );
        }
        const messageId = await insertMessage(tx, conv, { side: 'unit', personnelId }, text, input, clock.now());
        await enqueue(tx, {
          kind: NOTIFY_JOB,
          municipalityId: conv.municipalityId,
          payload: {
            eventKey: `dialog.message:${messageId}`,
            personId: conv.personId,
            template: 'new_message',
            minLevel: 'normal',
          },
        });
        return conversationView(tx, 'unit', conv);
      });
    },

    async close(ctx: RequestContext, id: string, acting?: UnitActing): Promise<ConversationResponse> {
      const { conv, personnelId, details } = await unitSide(db, ctx, id, acting);
      return audited(db, ctx, convEntry('dialog.conversation.close', conv, details), async (tx) => {
        const now = clock.now();
        const [closed] = await tx
          .update(dialogConversations)
          .set({ status: 'closed', closedAt: now, closedByPersonnelId: personnelId })
          .where(and(eq(dialogConversations.id, id), eq(dialogConversations.status, 'open')))
          .returning();
        if (!closed) {
          // Already closed: closing again changes nothing and tells the feed nothing new.
          return conversationView(tx, 'unit', conv);
        }
        await recordEpjEvent(tx, epjEvent('conversation.closed', closed, now));
        return conversationView(tx, 'unit', closed);
      });
    },

    async assign(ctx: RequestContext, id: string, personnelId: string | null): Promise<ConversationResponse> {
      const conv = await staffConversation(db, ctx, id);
      return audited(db, ctx, convEntry('dialog.conversation.assign', conv, { assignee: personnelId }), async (tx) => {
        if (personnelId !== null) {
          const [colleague] = await tx
            .select({ id: personnelRoles.id })
            .from(personnelRoles)
            .where(
              and(
                eq(personnelRoles.personnelId, personnelId),
                eq(personnelRoles.serviceUnitId, conv.serviceUnitId),
                inMunicipality(personnelRoles.municipalityId, ctx),
              ),
            )
            .limit(1);
          if (!colleague) {
            throw new ValidationError(
              'Du kan bare tildele samtalen til en kollega i samme enhet.',
              [{ path: 'personnelId', message: 'ikke i enheten' }],
              'assignee_not_unit_staff',
            );
          }
        }
        const [updated] = await tx
          .update(dialogConversations)
          .set({ assignedPersonnelId: personnelId })
          .where(eq(dialogConversations.id, id))
          .returning();
        return conversationView(tx, 'unit', updated!);
      });
    },

    /** The unit's staff (distinct people with a role in it), whom a conversation can be assigned to. */
    async unitStaff(ctx: RequestContext, unitId: string): Promise<UnitStaffResponse> {
      const { unit } = await myUnit(db, ctx, unitId);
      const rows = await db
        .selectDistinct({ personnelId: personnel.id, displayName: fullName(personnel) })
        .from(personnelRoles)
        .innerJoin(personnel, eq(personnel.id, personnelRoles.personnelId))
        .where(and(eq(personnelRoles.serviceUnitId, unit.id), inMunicipality(personnelRoles.municipalityId, ctx)))
        .orderBy(fullName(personnel));
      return { staff: rows };
    },

    async settings(ctx: RequestContext, unitId: string): Promise<ServiceUnitSettings> {
      const { unit } = await myUnit(db, ctx, unitId);
      return unitSettings(db, unit, osloDate(clock.now()));
    },

    /** Changes a unit's contact details and dialog settings (unit leader or municipal administrator). */
    async updateSettings(
      ctx: RequestContext,
      unitId: string,
      body: UpdateServiceUnitSettingsBody,
    ): Promise<ServiceUnitSettings> {
      const { unit, role } = await myUnit(db, ctx, unitId);
      if (role !== 'unit_leader' && role !== 'municipal_admin') {
        throw new ForbiddenError(
          'Bare enhetsleder eller kommunens administrator kan endre innstillingene.',
          'not_unit_leader',
        );
      }
      return audited(
        db,
        ctx,
        { action: 'service_unit.settings.update', resourceType: 'service_unit', resourceId: unit.id },
        async (tx) => {
          const { absences, ...fields } = body;
          const [updated] = await tx
            .update(serviceUnits)
            .set(fields)
            .where(and(eq(serviceUnits.id, unit.id), inMunicipality(serviceUnits.municipalityId, ctx)))
            .returning();
          await tx
            .delete(serviceUnitAbsences)
            .where(
              and(
                eq(serviceUnitAbsences.serviceUnitId, unit.id),
                inMunicipality(serviceUnitAbsences.municipalityId, ctx),
              ),
            );
          for (const a of absences) {
            await tx
              .insert(serviceUnitAbsences)
              .values({ ...a, municipalityId: unit.municipalityId, serviceUnitId: unit.id });
          }
          return unitSettings(tx, updated!, osloDate(clock.now()));
        },
      );
    },
  };
}

export type DialogService = ReturnType<typeof createDialogService>;

/**
 * Marks the other side's unread messages in a conversation as read, by whoever opened it.
 * @param fromSide - whose messages are being read
 * @param reader - when, and the citizen (or proxy) or staff member who read them
 * @returns the ids of the messages now marked read
 */
async function markRead(
  tx: Tx,
  conversationId: string,
  fromSide: 'citizen' | 'unit',
  reader: { readAt: Date; readByPersonId?: string; readByPersonnelId?: string | null },
): Promise<string[]> {
  const rows = await tx
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
}

/** A feed event about a conversation for the unit's EPJ (modules/epj); refs carry ids only. */
function epjEvent(
  kind: 'conversation.created' | 'message.created' | 'message.read' | 'conversation.closed',
  conv: Pick<Conversation, 'id' | 'municipalityId' | 'serviceUnitId' | 'personId'>,
  occurredAt: Date,
  refs: Record<string, string> = {},
) {
  return {
    municipalityId: conv.municipalityId,
    serviceUnitId: conv.serviceUnitId,
    personId: conv.personId,
    kind,
    refs: { conversationId: conv.id, ...refs },
    occurredAt,
  };
}
