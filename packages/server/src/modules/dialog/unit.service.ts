import type {
  ConversationResponse,
  StaffDialogUnitsResponse,
  StaffInboxResponse,
  UnitStaffResponse,
} from '@helsebro/contracts';
import { audited, auditedRead, recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordEpjEvent } from '../epj/index.ts';
import { requireUnitStaff, unitsOfStaff } from '../organisations/index.ts';
import { requireServiceActive } from '../services/index.ts';
import type { MessageInput } from './attachments.ts';
import { queueNotice } from '../notifications/index.ts';
import { conversationEntry, epjEvent, messageText } from './conversation.ts';
import { dialogRepository as repo } from './dialog.repository.ts';
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

/**
 * The unit's side of the dialog (A3): the staff member's units and inbox, reading, replying, assigning and
 * closing. Staff calls are limited to their own units in their municipality; the EPJ API reaches reading,
 * replying and closing with a `UnitActing`. Every conversation touched is audited with the citizen as subject.
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
        await queueNotice(tx, {
          personId: conv.personId,
          municipalityId: conv.municipalityId,
          template: 'new_message',
          eventKey: `dialog.message:${messageId}`,
          minLevel: 'normal',
        });
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
