import {
  EPJ_API_PREFIX,
  type ConversationResponse,
  type EpjActionBody,
  type EpjAuthor,
  type EpjConversationResponse,
  type EpjReplyBody,
  type EpjStartConversationBody,
} from '@helsebro/contracts';
import { ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import type { DialogService, UnitActing } from './dialog.service.ts';
import { dialogEpjRepository as repo } from './epj.repository.ts';

/**
 * The unit's side of a conversation in the EPJ API (E1), through the dialog service, so a reply from an EPJ is
 * stored, audited and notified exactly as a reply in the staff workspace. The caller is the machine client (a
 * `partner` actor, its id in the audit log) in the municipality its organisation number names (modules/epj).
 * @param platform - the store
 * @param dialog - the dialog service
 */
export function createDialogEpjService(platform: Pick<Platform, 'db'>, dialog: DialogService) {
  const { db } = platform;

  /** The health worker the EPJ acts for: known by HPR number and working in the client's municipality. */
  const acting = async (ctx: RequestContext, author: EpjAuthor | undefined): Promise<UnitActing> => {
    if (!author) {
      return { personnelId: null, details: { via: 'epj' } };
    }
    const worker = await repo.workerInMunicipality(db, ctx, author.hprNumber);
    if (!worker) {
      throw new ValidationError(
        `HPR-nummer ${author.hprNumber} tilhører ikke helsepersonell i kommunen.`,
        [{ path: 'body.author.hprNumber', message: 'ukjent i kommunen' }],
        'unknown_author',
      );
    }
    return { personnelId: worker.id, details: { via: 'epj', hprNumber: author.hprNumber, authorName: author.name } };
  };

  const view = async (r: ConversationResponse): Promise<EpjConversationResponse> => {
    const c = r.conversation;
    return {
      id: c.id,
      subject: c.subject,
      status: c.status,
      startedBy: c.startedBy,
      createdAt: c.createdAt,
      lastMessageAt: c.lastMessageAt,
      serviceUnit: c.serviceUnit,
      citizen: {
        personId: c.citizen.personId,
        nationalIdentityNumber: (await repo.ninOf(db, c.citizen.personId)) ?? '',
        name: c.citizen.displayName,
      },
      unreadByUnit: c.unread,
      messages: r.messages.map((m) => ({
        id: m.id,
        from: m.from,
        authorName: m.authorName,
        onBehalfOf: m.onBehalfOf,
        text: m.text,
        createdAt: m.createdAt,
        readAt: m.readAt,
        attachments: m.attachments.map((a) => ({ ...a, href: `${EPJ_API_PREFIX}/attachments/${a.id}` })),
        automatic: m.automatic,
      })),
    };
  };

  return {
    async conversation(ctx: RequestContext, id: string): Promise<EpjConversationResponse> {
      return view(await dialog.unitConversation(ctx, id, await acting(ctx, undefined)));
    },

    /**
     * The unit starts a conversation, written by the named health worker, with the citizen the identity number
     * names; one who is not the unit's citizen (or no one) is the same 404 as in the staff workspace.
     */
    async start(ctx: RequestContext, body: EpjStartConversationBody): Promise<EpjConversationResponse> {
      const author = await acting(ctx, body.author);
      const personId = await repo.personIdByNin(db, body.nationalIdentityNumber);
      const input = { fields: { subject: body.subject, text: body.text }, files: [] };
      return view(await dialog.unitStart(ctx, body.serviceUnitId, personId, input, author));
    },

    /** A reply as the unit, written by the named health worker; the citizen is notified as for a web reply. */
    async reply(ctx: RequestContext, id: string, body: EpjReplyBody): Promise<EpjConversationResponse> {
      const input = { fields: { text: body.text }, files: [] };
      return view(await dialog.staffReply(ctx, id, input, await acting(ctx, body.author)));
    },

    async markRead(ctx: RequestContext, id: string, body: EpjActionBody): Promise<EpjConversationResponse> {
      return view(await dialog.staffReadConversation(ctx, id, await acting(ctx, body?.author)));
    },

    async close(ctx: RequestContext, id: string, body: EpjActionBody): Promise<EpjConversationResponse> {
      return view(await dialog.close(ctx, id, await acting(ctx, body?.author)));
    },

    attachment(ctx: RequestContext, id: string) {
      return dialog.attachment(ctx, id);
    },
  };
}

export type DialogEpjService = ReturnType<typeof createDialogEpjService>;
