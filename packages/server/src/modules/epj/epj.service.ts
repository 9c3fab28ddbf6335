import {
  EPJ_API_PREFIX,
  type ConversationResponse,
  type EpjActionBody,
  type EpjAuthor,
  type EpjConversationResponse,
  type EpjEventsQuery,
  type EpjEventsResponse,
  type EpjReplyBody,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import type { DialogService, UnitActing } from '../dialog/index.ts';
import type { MachineCaller } from './bearer.ts';
import { epjRepository as repo } from './epj.repository.ts';

/** The feed cursor: opaque to clients (base64url), versioned so its inside can change without breaking them. */
const CURSOR = /^v1\.([0-9]{1,15})$/;
export const encodeCursor = (id: number): string => Buffer.from(`v1.${id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') {
    return 0;
  }
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!m?.[1]) {
    throw new ValidationError(
      'Ukjent markør. Bruk «cursor» fra et tidligere svar, eller utelat «after» for å begynne fra starten.',
      [{ path: 'querystring.after', message: 'ukjent markør' }],
      'invalid_cursor',
    );
  }
  return Number(m[1]);
}

/**
 * Places an EPJ machine client (its verified token) in the municipality its organisation number names; a refusal
 * is audited. Every /epj/v1 route uses it (dialog here, appointments in their module).
 * @param db - the store
 * @param ctx - the request's context so far
 * @param caller - the verified token's client and organisation
 */
export async function authoriseMachineClient(
  db: Db,
  ctx: RequestContext,
  caller: MachineCaller,
): Promise<RequestContext> {
  const machine: RequestContext = {
    ...ctx,
    actor: { kind: 'partner', partnerId: caller.clientId },
    purpose: 'epj_integration',
  };
  const municipality = caller.orgNumber ? await repo.municipalityByOrgNumber(db, caller.orgNumber) : null;
  if (!municipality) {
    await recordAudit(
      db,
      machine,
      { action: 'epj.authenticate', resourceType: 'epj_client', details: { orgNumber: caller.orgNumber } },
      'denied',
    );
    throw new ForbiddenError(
      `Organisasjonsnummeret i tokenet (${caller.orgNumber ?? 'mangler'}) hører ikke til en kommune på Helsebro.`,
      'organisation_not_customer',
    );
  }
  return { ...machine, municipalityId: municipality.id };
}

/**
 * The EPJ API (E1): the feed, and the unit's side of a conversation through the dialog service, so a reply from
 * an EPJ is stored, audited and notified exactly as a reply in the staff workspace. The caller is the machine
 * client (a `partner` actor, its id in the audit log) in the municipality its organisation number names.
 * @param platform - the store
 * @param dialog - the dialog service (modules/dialog)
 */
export function createEpjService(platform: Pick<Platform, 'db'>, dialog: DialogService) {
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
      })),
    };
  };

  return {
    authorise: (ctx: RequestContext, caller: MachineCaller) => authoriseMachineClient(db, ctx, caller),

    /** The municipality's events after the cursor, oldest first. Each citizen concerned gets an audit entry. */
    async events(ctx: RequestContext, query: EpjEventsQuery): Promise<EpjEventsResponse> {
      const afterId = decodeCursor(query.after);
      const rows = await repo.eventsAfter(db, ctx, afterId, query.limit);
      const page = rows.slice(0, query.limit);
      const byPerson = new Map<string | null, number[]>();
      for (const e of page) {
        byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e.id]);
      }
      // An empty poll shows no one's data and is not audited (an EPJ polls every few seconds).
      if (byPerson.size > 0) {
        await db.transaction(async (tx) => {
          for (const [personId, ids] of byPerson) {
            await recordAudit(tx, ctx, {
              action: 'epj.events.read',
              resourceType: 'epj_event',
              subjectPersonId: personId,
              details: { events: ids },
            });
          }
        });
      }
      return {
        events: page.map((e) => ({
          cursor: encodeCursor(e.id),
          kind: e.kind,
          occurredAt: e.occurredAt.toISOString(),
          serviceUnit: e.unitId && e.unitName ? { id: e.unitId, name: e.unitName } : null,
          refs: e.refs,
        })),
        cursor: encodeCursor(page.at(-1)?.id ?? afterId),
        hasMore: rows.length > query.limit,
      };
    },

    async conversation(ctx: RequestContext, id: string): Promise<EpjConversationResponse> {
      return view(await dialog.unitConversation(ctx, id, await acting(ctx, undefined)));
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

export type EpjService = ReturnType<typeof createEpjService>;
