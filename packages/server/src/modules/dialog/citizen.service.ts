import type {
  AuditAction,
  ConversationResponse,
  ConversationsResponse,
  DialogUnitsResponse,
} from '@helsebro/contracts';
import { audited, auditedRead, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { requireAction } from '../../platform/http/access.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordEpjEvent } from '../epj/index.ts';
import { osloDate } from '../representation/index.ts';
import type { MessageInput } from './attachments.ts';
import { queueUnitAlert } from '../notifications/index.ts';
import { activeServicesByMunicipality, requireServiceActive } from '../services/index.ts';
import { epjEvent, messageText } from './conversation.ts';
import { dialogRepository as repo, type ConversationRow, type UnitRow } from './dialog.repository.ts';
import { conversationView, toSummary, unitSettingsView } from './dialog.view.ts';
import { closedAt } from './opening-hours.ts';

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The audit entry of a citizen call. Its subject is the person acted for, named before the access check so that a
 * refusal is logged against them too.
 */
const citizenEntry = (
  ctx: RequestContext,
  action: AuditAction,
  resourceType: string,
  resourceId?: string | null,
): AuditEntry => ({ action, resourceType, resourceId, subjectPersonId: ctx.actingForPersonId });

async function ownConversation(q: Queryable, id: string, principalId: string) {
  const conv = await repo.conversationOfPerson(q, id, principalId);
  if (!conv) {
    throw new NotFoundError('Fant ikke samtalen.', 'conversation_not_found');
  }
  return conv;
}

/**
 * Asks notifications to e-mail the unit's functional address about a citizen's new message, if the unit wants
 * that (the handler decides, so this costs one job row and no read here).
 */
async function alertUnit(
  q: Queryable,
  conv: Pick<ConversationRow, 'municipalityId' | 'serviceUnitId'>,
  messageId: string,
) {
  await queueUnitAlert(q, {
    serviceUnitId: conv.serviceUnitId,
    municipalityId: conv.municipalityId,
    eventKey: `dialog.message:${messageId}`,
  });
}

/**
 * The unit's automatic reply, stored as a real first answer from the unit when a citizen starts a conversation
 * while the unit is absent or closed, as the unit has set it as data: an absence period covering today (Oslo), or
 * its weekly hours (outside them, or a public holiday; see closedAt). The free-text opening hours ("Hverdager
 * 08–15") are for people to read and do not count. Only the first message of a conversation gets it: one automatic answer per question, not one per line.
 *
 * It is not an answer for the response-time promise (the evaluation counts only messages that are not
 * automatic), it queues no notice of its own (the writer sees it in the answer to their own message, and a
 * representative's principal learns of the conversation from the unit's real reply, which is notified), and it
 * adds no feed event: the EPJ sees it in the conversation that `conversation.created` names.
 * @param now - the citizen message's instant; the reply is a millisecond later, so it is second in the thread
 */
async function autoReplyIfAway(
  q: Queryable,
  unit: UnitRow,
  conv: Pick<ConversationRow, 'id' | 'municipalityId'>,
  now: Date,
  actorId: string,
) {
  const text = unit.autoReply?.trim() ?? '';
  if (text.length === 0 || !(closedAt(unit.weeklyHours, now) || (await repo.absentOn(q, unit, osloDate(now))))) {
    return;
  }
  await repo.insertAutoReply(q, conv, text, new Date(now.getTime() + 1), actorId);
}

/**
 * The citizen's side of the dialog (A3): the units they may write to, their conversations, writing, replying and
 * read marks. Every call acts for the session's acting-for person (the principal, to whom every message is
 * addressed) and is audited with them as subject.
 * @param platform - store and clock
 */
export function createCitizenDialogService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    /** Units the principal receives services from, with contact details and whether they take messages. */
    async units(ctx: RequestContext): Promise<DialogUnitsResponse> {
      const today = osloDate(clock.now());
      return auditedRead(db, ctx, citizenEntry(ctx, 'dialog.units.read', 'service_unit'), async (q) => {
        const { principalId } = requireAction(ctx, 'messages.read');
        const all = await repo.unitsWithActiveRelation(q, principalId, today);
        // Only units of municipalities with the dialog service active (seed 000 §5.1); the others are left out.
        const active = await activeServicesByMunicipality(
          q,
          all.map((r) => r.unit.municipalityId),
        );
        const rows = all.filter((r) => active.get(r.unit.municipalityId)?.has('dialog'));
        const seen = new Set<string>();
        const units = [];
        for (const r of rows.filter((x) => !seen.has(x.unit.id) && seen.add(x.unit.id))) {
          const { functionalEmail: _f, alertByEmail: _a, ...settings } = await unitSettingsView(q, r.unit, clock.now());
          units.push({ ...settings, municipality: r.municipality });
        }
        return { units };
      });
    },

    async listConversations(ctx: RequestContext): Promise<ConversationsResponse> {
      const entry = citizenEntry(ctx, 'dialog.conversations.list', 'dialog_conversation');
      return auditedRead(db, ctx, entry, async (q) => {
        const { principalId } = requireAction(ctx, 'messages.read');
        return { conversations: (await repo.summariesOfPerson(q, principalId)).map(toSummary) };
      });
    },

    /**
     * Starts a conversation with a unit the principal receives services from and that takes messages.
     * @param input - subject, text and files, read completely before anything is stored
     */
    async start(ctx: RequestContext, input: MessageInput): Promise<ConversationResponse> {
      const unitId = input.fields.serviceUnitId ?? '';
      const isId = UUID.test(unitId);
      const entry = citizenEntry(ctx, 'dialog.conversation.start', 'service_unit', isId ? unitId : null);
      return audited(db, ctx, entry, async (tx) => {
        const { principalId, actorId } = requireAction(ctx, 'messages.send');
        const { subject, text } = messageText(input, true);
        const today = osloDate(clock.now());
        const rows = isId ? await repo.unitsWithActiveRelation(tx, principalId, today) : [];
        const found = rows.find((r) => r.unit.id === unitId);
        if (!found) {
          throw new ForbiddenError(
            'Du kan bare sende meldinger til tjenester du mottar nå. Denne enheten gir deg ingen tjeneste.',
            'no_service_from_unit',
          );
        }
        await requireServiceActive(tx, found.unit.municipalityId, 'dialog');
        if (!found.unit.openForDialog) {
          throw new ForbiddenError(
            `${found.unit.name} tar ikke imot meldinger på Helsebro. Ring ${found.unit.phone ?? 'enheten'} i stedet.`,
            'unit_closed_for_dialog',
          );
        }
        const now = clock.now();
        const conv = await repo.insertConversation(tx, {
          municipalityId: found.unit.municipalityId,
          serviceUnitId: unitId,
          personId: principalId,
          subject,
          startedByPersonId: actorId,
          createdAt: now,
          lastMessageAt: now,
        });
        const from = { side: 'citizen', personId: actorId } as const;
        const messageId = await repo.insertMessage(tx, conv, from, text, input.files, now);
        await autoReplyIfAway(tx, found.unit, conv, now, actorId);
        await alertUnit(tx, conv, messageId);
        await recordEpjEvent(tx, epjEvent('conversation.created', conv, now, { messageId, startedBy: 'citizen' }));
        return conversationView(tx, 'citizen', conv);
      });
    },

    /** A conversation of the principal's; the unit's messages count as read by the citizen from now. */
    async readConversation(ctx: RequestContext, id: string): Promise<ConversationResponse> {
      const entry = citizenEntry(ctx, 'dialog.conversation.read', 'dialog_conversation', id);
      return audited(db, ctx, entry, async (tx) => {
        const { principalId, actorId } = requireAction(ctx, 'messages.read');
        const conv = await ownConversation(tx, id, principalId);
        const readAt = clock.now();
        for (const messageId of await repo.markRead(tx, id, 'unit', { readAt, readByPersonId: actorId })) {
          await recordEpjEvent(tx, epjEvent('message.read', conv, readAt, { messageId }));
        }
        return conversationView(tx, 'citizen', conv);
      });
    },

    /** The principal's reply in an open conversation; the unit is alerted as for a new conversation. */
    async citizenReply(ctx: RequestContext, id: string, input: MessageInput): Promise<ConversationResponse> {
      const entry = citizenEntry(ctx, 'dialog.message.send', 'dialog_conversation', id);
      return audited(db, ctx, entry, async (tx) => {
        const { principalId, actorId } = requireAction(ctx, 'messages.send');
        const { text } = messageText(input, false);
        const conv = await ownConversation(tx, id, principalId);
        if (conv.status === 'closed') {
          throw new ConflictError('Samtalen er avsluttet. Start en ny samtale.', 'conversation_closed');
        }
        await requireServiceActive(tx, conv.municipalityId, 'dialog');
        const now = clock.now();
        const from = { side: 'citizen', personId: actorId } as const;
        const messageId = await repo.insertMessage(tx, conv, from, text, input.files, now);
        await alertUnit(tx, conv, messageId);
        await recordEpjEvent(tx, epjEvent('message.created', conv, now, { messageId }));
        return conversationView(tx, 'citizen', conv);
      });
    },
  };
}

export type CitizenDialogService = ReturnType<typeof createCitizenDialogService>;
