import type {
  ConversationResponse,
  StaffDialogUnitsResponse,
  StaffInboxResponse,
  UnitStaffResponse,
} from '@helsebro/contracts';
import { audited, auditedRead, recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordEpjEvent } from '../epj/index.ts';
import { requireUnitStaff, unitsOfStaff } from '../organisations/index.ts';
import { osloDate } from '../representation/index.ts';
import { requireServiceActive } from '../services/index.ts';
import type { MessageInput } from './attachments.ts';
import { queueNotice } from '../notifications/index.ts';
import { conversationEntry, epjEvent, messageText } from './conversation.ts';
import { dialogRepository as repo, type ConversationRow } from './dialog.repository.ts';
import { conversationView, toSummary } from './dialog.view.ts';

/**
 * Who writes or reads for the unit when it is not a staff member in the web: the health worker an EPJ acts for
 * (null when the EPJ names none, e.g. for marking read), and what the audit entry should say about them.
 */
export type UnitActing = { personnelId: string | null; details?: Record<string, unknown> };

/**
 * The conversation and the health worker acting for the unit. Staff in the web must work in the conversation's
 * unit. An EPJ client (a partner actor whose municipality modules/epj set from its token) acts for every unit of
 * its municipality, for the health worker it names and modules/epj found in the personnel register.
 * @param acting - given by the EPJ API only; without it the caller must be a health worker
 */
async function unitSide(q: Queryable, ctx: RequestContext, id: string, acting?: UnitActing) {
  const conv = await repo.conversationInMunicipality(q, ctx, id);
  if (!conv) {
    throw new NotFoundError('Fant ikke samtalen.', 'conversation_not_found');
  }
  const access = await requireUnitStaff(q, ctx, conv.serviceUnitId, { epj: acting !== undefined });
  if (access.personnelId === null) {
    return { conv, personnelId: acting?.personnelId ?? null, details: acting?.details ?? {} };
  }
  return { conv, personnelId: access.personnelId, details: {} };
}

const UUID = /^[0-9a-f-]{36}$/i;

/** Asks notifications to tell the citizen (and whoever reads for them) that a message waits: never its content. */
async function notifyCitizen(
  q: Queryable,
  conv: Pick<ConversationRow, 'personId' | 'municipalityId'>,
  messageId: string,
) {
  await queueNotice(q, {
    personId: conv.personId,
    municipalityId: conv.municipalityId,
    template: 'new_message',
    eventKey: `dialog.message:${messageId}`,
    minLevel: 'normal',
  });
}

/**
 * The unit's side of the dialog (A3): the staff member's units and inbox, starting a conversation with a
 * citizen the unit serves, reading, replying, assigning and closing. Staff calls are limited to their own units in
 * their municipality; the EPJ API reaches starting, reading, replying and closing with a `UnitActing`. Every
 * conversation touched is audited with the citizen as subject.
 * @param platform - store and clock
 */
export function createUnitDialogService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    /** The staff member's units with unread citizen messages. */
    async staffUnits(ctx: RequestContext): Promise<StaffDialogUnitsResponse> {
      const ids = (await unitsOfStaff(db, ctx, { ownRolesOnly: true })).map((u) => u.id);
      if (ids.length === 0) {
        return { units: [] };
      }
      return { units: await repo.unreadByUnit(db, ctx, ids) };
    },

    /** The unit's inbox: conversations, newest first, with unread counts. Each citizen listed gets an entry. */
    async inbox(ctx: RequestContext, unitId: string): Promise<StaffInboxResponse> {
      const { unit } = await requireUnitStaff(db, ctx, unitId);
      const conversations = (await repo.summariesOfUnit(db, ctx, unit.id)).map(toSummary);
      await db.transaction(async (tx) => {
        for (const c of conversations) {
          const conv = { id: c.id, personId: c.citizen.personId };
          await recordAudit(tx, ctx, conversationEntry('dialog.inbox.list', conv, { unit: unit.name }));
        }
      });
      return {
        unit: { id: unit.id, name: unit.name },
        unread: conversations.reduce((n, c) => n + c.unread, 0),
        conversations,
      };
    },

    /** The unit's view of a conversation; the citizen's messages count as read by the unit from now. */
    async staffReadConversation(ctx: RequestContext, id: string, acting?: UnitActing): Promise<ConversationResponse> {
      const { conv, personnelId, details } = await unitSide(db, ctx, id, acting);
      return audited(db, ctx, conversationEntry('dialog.conversation.read', conv, details), async (tx) => {
        await repo.markRead(tx, id, 'citizen', { readAt: clock.now(), readByPersonnelId: personnelId });
        return conversationView(tx, 'unit', conv);
      });
    },

    /** The unit's view of a conversation without marking anything read (an EPJ fetching what the feed named). */
    async unitConversation(ctx: RequestContext, id: string, acting?: UnitActing): Promise<ConversationResponse> {
      const { conv, details } = await unitSide(db, ctx, id, acting);
      return auditedRead(db, ctx, conversationEntry('dialog.conversation.read', conv, details), (q) =>
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
      return audited(db, ctx, conversationEntry('dialog.message.send', conv, details), async (tx) => {
        const { text } = messageText(input, false);
        if (conv.status === 'closed') {
          throw new ConflictError('Samtalen er avsluttet.', 'conversation_closed');
        }
        await requireServiceActive(tx, conv.municipalityId, 'dialog');
        if (!personnelId) {
          throw new ValidationError(
            'Svaret må ha en forfatter med HPR-nummer.',
            [{ path: 'author', message: 'mangler' }],
            'author_required',
          );
        }
        const from = { side: 'unit', personnelId } as const;
        const messageId = await repo.insertMessage(tx, conv, from, text, input.files, clock.now());
        await notifyCitizen(tx, conv, messageId);
        return conversationView(tx, 'unit', conv);
      });
    },

    /**
     * The unit starts a conversation with a citizen it serves: one with an active care relation with the unit
     * today. Anyone else, whether the person exists or not, gets the same 404, so the answer tells nothing about who
     * exists. The citizen is notified as for a reply from the unit (a notice without content), the feed says
     * `conversation.created` with `startedBy: unit`, and the conversation is assigned to the health worker who
     * wrote, so the citizen's answer lands with them.
     * @param personId - the citizen (from the staff workspace's citizen page, or found by the EPJ's identity number)
     * @param acting - given by the EPJ API only: the health worker it names
     */
    async unitStart(
      ctx: RequestContext,
      unitId: string,
      personId: string | null,
      input: MessageInput,
      acting?: UnitActing,
    ): Promise<ConversationResponse> {
      const entry: AuditEntry = {
        action: 'dialog.conversation.unit_start',
        resourceType: 'service_unit',
        resourceId: unitId,
        // Named only once the person is known to be the unit's citizen; a refusal names no one.
        subjectPersonId: null,
        details: acting?.details ?? {},
      };
      return audited(db, ctx, entry, async (tx) => {
        const access = await requireUnitStaff(tx, ctx, unitId, { epj: acting !== undefined });
        const { unit } = access;
        const today = osloDate(clock.now());
        if (
          personId === null ||
          !UUID.test(personId) ||
          !(await repo.hasActiveRelationWithUnit(tx, unit, personId, today))
        ) {
          throw new NotFoundError('Fant ingen innbygger som mottar tjenester fra enheten.', 'citizen_not_found');
        }
        entry.subjectPersonId = personId;
        const { subject, text } = messageText(input, true);
        await requireServiceActive(tx, unit.municipalityId, 'dialog');
        if (!unit.openForDialog) {
          throw new ForbiddenError(
            `${unit.name} tar ikke imot meldinger på Helsebro, så innbyggeren kan ikke svare her.`,
            'unit_closed_for_dialog',
          );
        }
        const personnelId = access.personnelId ?? acting?.personnelId ?? null;
        if (!personnelId) {
          throw new ValidationError(
            'Meldingen må ha en forfatter med HPR-nummer.',
            [{ path: 'author', message: 'mangler' }],
            'author_required',
          );
        }
        const now = clock.now();
        const conv = await repo.insertConversation(tx, {
          municipalityId: unit.municipalityId,
          serviceUnitId: unit.id,
          personId,
          subject,
          startedByPersonnelId: personnelId,
          assignedPersonnelId: personnelId,
          createdAt: now,
          lastMessageAt: now,
        });
        const messageId = await repo.insertMessage(tx, conv, { side: 'unit', personnelId }, text, input.files, now);
        await notifyCitizen(tx, conv, messageId);
        await recordEpjEvent(tx, epjEvent('conversation.created', conv, now, { messageId, startedBy: 'unit' }));
        return conversationView(tx, 'unit', conv);
      });
    },

    /** Closes the conversation; closing a closed one changes nothing and tells the feed nothing new. */
    async close(ctx: RequestContext, id: string, acting?: UnitActing): Promise<ConversationResponse> {
      const { conv, personnelId, details } = await unitSide(db, ctx, id, acting);
      return audited(db, ctx, conversationEntry('dialog.conversation.close', conv, details), async (tx) => {
        const now = clock.now();
        const closed = await repo.closeIfOpen(tx, id, personnelId, now);
        if (!closed) {
          return conversationView(tx, 'unit', conv);
        }
        await recordEpjEvent(tx, epjEvent('conversation.closed', closed, now));
        return conversationView(tx, 'unit', closed);
      });
    },

    /** Assigns the conversation to a colleague in its unit, or to no one (`null`). */
    async assign(ctx: RequestContext, id: string, personnelId: string | null): Promise<ConversationResponse> {
      const { conv } = await unitSide(db, ctx, id);
      const entry = conversationEntry('dialog.conversation.assign', conv, { assignee: personnelId });
      return audited(db, ctx, entry, async (tx) => {
        if (personnelId !== null && !(await repo.hasRoleInUnit(tx, ctx, personnelId, conv.serviceUnitId))) {
          throw new ValidationError(
            'Du kan bare tildele samtalen til en kollega i samme enhet.',
            [{ path: 'personnelId', message: 'ikke i enheten' }],
            'assignee_not_unit_staff',
          );
        }
        return conversationView(tx, 'unit', await repo.setAssignee(tx, id, personnelId));
      });
    },

    /** The unit's staff (distinct people with a role in it), whom a conversation can be assigned to. */
    async unitStaff(ctx: RequestContext, unitId: string): Promise<UnitStaffResponse> {
      const { unit } = await requireUnitStaff(db, ctx, unitId);
      return { staff: await repo.staffOfUnit(db, ctx, unit.id) };
    },
  };
}

export type UnitDialogService = ReturnType<typeof createUnitDialogService>;
