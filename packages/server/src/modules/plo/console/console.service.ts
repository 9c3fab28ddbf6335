import type { AuditAction } from '@helsebro/contracts';
import type {
  PloConsoleAnswerBody,
  PloConsoleListQuery,
  PloConsoleListResponse,
  PloConsoleMessage,
  PloConsoleService,
  PloConsoleServicesResponse,
  PloRejectedCloseBody,
  PloRejectedForwardBody,
  PloRejectedListQuery,
} from '@helsebro/contracts';
import { auditValues, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { XmlSchemaSet } from '../../../platform/xml/index.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import { isMsgHead, parseMsgHead } from '../msghead/msghead.parse.ts';
import type { MsgHead } from '../msghead/msghead.types.ts';
import { answerTypesFor, createAnswerer, type SendPort } from './console.answer.ts';
import { renderContent } from './console.content.ts';
import * as repo from './console.repository.ts';
import { createRejectedQueue } from './rejected.service.ts';
import {
  decodeCursor,
  encodeCursor,
  listItemView,
  msgInfoOf,
  partyView,
  patientView,
  typeName,
} from './console.view.ts';

/** A hosted service the caller handles messages for. */
export type HandledService = repo.HostedParty;

export type ConsoleDeps = { db: Db; register: AddressRegister; xml: XmlSchemaSet; send: SendPort | null };
export type ConsoleService = ReturnType<typeof createConsoleService>;

const serviceView = (s: HandledService, newCount: number): PloConsoleService => ({
  herId: s.herId,
  name: s.name,
  organisationName: s.organisationName ?? s.name,
  newCount,
});

/**
 * The message console (issue 4, "Message console"): who may use it, and what a message handler reads and does.
 *
 * Access: personnel holding `message_handler` in the municipality they logged in to handle the hosted services
 * that belong to their organisation: services of that municipality, or — in a hospital's installation, where the
 * hospital's party has no municipality — services of the organisation whose organisation number is the one the
 * login was for (HelseID's `orgnr_parent`, which chose the session's municipality row). Every message read is
 * audited with its patient as subject; a refusal is audited as denied.
 * @param deps - store, address register, schema set (safe parsing of stored XML) and the send service, if any
 */
export function createConsoleService(deps: ConsoleDeps) {
  const { db } = deps;

  async function deny(
    ctx: RequestContext,
    resourceId: string | null,
    subject: string | null,
    code: string,
  ): Promise<never> {
    await recordAudit(
      db,
      ctx,
      { action: 'plo_console.access', resourceType: 'plo_message', resourceId, subjectPersonId: subject },
      'denied',
    );
    throw new ForbiddenError('Du har ikke tilgang til meldingene til denne tjenesten.', code);
  }

  /** The services the caller handles; refuses (audited) anyone who is not a message handler. */
  async function myServices(ctx: RequestContext): Promise<HandledService[]> {
    const org =
      ctx.actor.kind === 'personnel' && ctx.municipalityId
        ? await repo.handlerOrganisation(db, ctx.actor.personnelId, ctx.municipalityId)
        : undefined;
    if (!org?.isHandler || !ctx.municipalityId) {
      return deny(ctx, null, null, 'not_message_handler');
    }
    return repo.hostedParties(db, ctx.municipalityId, org.orgNumber);
  }

  async function oneService(ctx: RequestContext, herId: string): Promise<HandledService> {
    const mine = await myServices(ctx);
    const service = mine.find((s) => s.herId === herId);
    if (!service) {
      const party = await deps.register.lookup(herId);
      if (!party?.hosted) {
        throw new NotFoundError(`Ingen tjeneste her med HER-id ${herId}.`, 'service_not_found');
      }
      return deny(ctx, null, null, 'not_your_service');
    }
    return service;
  }

  /** The message if one of the caller's services received or sent it (else a denied audit entry and 403). */
  async function visibleMessage(ctx: RequestContext, id: string) {
    const mine = await myServices(ctx);
    const row = await repo.findMessage(db, id);
    if (!row) {
      throw new NotFoundError('Fant ikke meldingen.', 'message_not_found');
    }
    const inbox = await repo.inboxRows(
      db,
      id,
      mine.map((s) => s.id),
    );
    const sentBy = row.direction === 'out' ? mine.find((s) => s.herId === row.senderPartyHerId) : undefined;
    const service = sentBy ?? mine.find((s) => s.id === inbox[0]?.partyId);
    if (!service) {
      return deny(ctx, id, row.patientPersonId, 'not_your_message');
    }
    return { row, inbox, service, mine };
  }

  function parseStored(raw: Buffer | undefined): MsgHead | null {
    const parsed = raw ? deps.xml.parse(raw) : undefined;
    return parsed?.wellFormed && isMsgHead(parsed.root) ? parseMsgHead(parsed.root) : null;
  }

  const audit = (q: Queryable, ctx: RequestContext, action: AuditAction, row: repo.MessageRow, details = {}) =>
    recordAudit(q, ctx, {
      action,
      resourceType: 'plo_message',
      resourceId: row.id,
      subjectPersonId: row.patientPersonId,
      details: { via: 'console', ...details },
    });

  async function readMessage(ctx: RequestContext, id: string, markRead: boolean): Promise<PloConsoleMessage> {
    const { row, service, mine } = await visibleMessage(ctx, id);
    // The register may reload from the store; on PGlite's one connection that must not happen inside the
    // transaction below (it would wait for it), so the answer types are decided before it opens.
    const m = parseStored(await repo.rawOf(db, id));
    const answerTypes = await answerTypesFor(deps.register, row, m);
    return db.transaction(async (tx) => {
      const before = await repo.inboxRows(tx, id, [service.id]);
      if (markRead && before[0]?.state === 'new') {
        await repo.advanceInboxState(tx, before[0].id, 'read');
      }
      const [inbox] = await repo.inboxRows(tx, id, [service.id]);
      const info = msgInfoOf({ msgInfo: m?.msgInfo }) ?? msgInfoOf(row.parsed);
      const appRecs = await repo.appRecsOf(tx, id);
      const superseded = await repo.supersession(tx, row);
      const events = row.direction === 'out' ? await repo.statusEvents(tx, id) : [];
      const root = row.conversationRoot ?? row.msgId;
      const conversation = root
        ? await repo.conversation(
            tx,
            root,
            mine.map((s) => s.id),
            mine.map((s) => s.herId),
          )
        : [];
      const history = [
        ...(row.direction === 'in'
          ? [
              { event: 'received', at: row.receivedAt },
              ...appRecs
                .filter((a) => a.direction === 'out')
                .flatMap((a) => [
                  { event: 'apprec_queued', at: a.createdAt },
                  ...(a.deliveredAt ? [{ event: 'apprec_delivered', at: a.deliveredAt }] : []),
                ]),
              ...(inbox && inbox.state !== 'new' ? [{ event: inbox.state, at: inbox.updatedAt }] : []),
            ]
          : events.length > 0
            ? events.map((e) => ({ event: e.status, at: e.at }))
            : [{ event: row.status, at: row.receivedAt }]),
      ].sort((a, b) => a.at.getTime() - b.at.getTime());
      await audit(tx, ctx, 'plo_message.read', row, { serviceHerId: service.herId });
      return {
        id: row.id,
        direction: row.direction,
        msgId: row.msgId,
        msgType: row.msgType,
        typeName: typeName(row.msgType, info),
        status: row.status,
        state: inbox?.state ?? null,
        forsendelsesstatus: (row.forsendelsesstatus as 'N' | 'M' | 'C' | null) ?? null,
        supersededBy: superseded.by && { ...superseded.by, at: superseded.by.at.toISOString() },
        supersedes: superseded.original,
        service: {
          herId: service.herId,
          name: service.name,
          organisationName: service.organisationName ?? service.name,
        },
        sender: partyView(row.senderHerId, row.senderPartyHerId, info?.sender),
        receiver: partyView(row.receiverHerId, row.receiverPartyHerId, info?.receiver),
        sentAt: row.genDate,
        at: row.receivedAt.toISOString(),
        patient: patientView(row, info),
        content: renderContent(m),
        appRecs: appRecs.map((a) => ({
          direction: a.direction,
          status: a.status,
          answeringHerId: a.answeringHerId,
          errors: a.errors,
          at: a.createdAt.toISOString(),
          delivery: a.delivery,
        })),
        history: history.map((h) => ({ event: h.event, at: h.at.toISOString() })),
        conversation: conversation.map((c) => ({
          id: c.id,
          direction: c.direction,
          msgType: c.msgType,
          typeName: typeName(c.msgType),
          status: c.status,
          at: c.at.toISOString(),
          current: c.id === row.id,
        })),
        answerTypes,
      };
    });
  }

  const answerer = createAnswerer(deps, { visibleMessage, parseStored, audit, readMessage });
  const rejectedQueue = createRejectedQueue(deps, { myServices, deny });

  return {
    /** The rejected messages addressed to the caller's organisation, and what handlers did with them (D6). */
    rejected: (ctx: RequestContext, query: PloRejectedListQuery) => rejectedQueue.rejected(ctx, query),
    closeRejected: (ctx: RequestContext, id: string, body: PloRejectedCloseBody) => rejectedQueue.close(ctx, id, body),
    forwardRejected: (ctx: RequestContext, id: string, body: PloRejectedForwardBody) =>
      rejectedQueue.forward(ctx, id, body),

    /**
     * The services the caller handles, with their counts of new messages.
     * @param ctx - the caller; a message handler
     */
    async services(ctx: RequestContext): Promise<PloConsoleServicesResponse> {
      const mine = await myServices(ctx);
      const counts = await repo.newCounts(
        db,
        mine.map((s) => s.id),
      );
      return { services: mine.map((s) => serviceView(s, counts.get(s.id) ?? 0)) };
    },

    /**
     * One page of a service's inbox or outbox, newest first. Every message listed is audited, since the list
     * shows whom it is about.
     * @param ctx - the caller
     * @param herId - the service's HER-id
     * @param box - inbox or outbox
     * @param query - type and status filters, cursor and page size
     */
    async list(
      ctx: RequestContext,
      herId: string,
      box: 'inbox' | 'outbox',
      query: PloConsoleListQuery & { limit: number },
    ): Promise<PloConsoleListResponse> {
      const service = await oneService(ctx, herId);
      const cursor = query.cursor ? decodeCursor(query.cursor) : null;
      if (query.cursor && !cursor) {
        throw new ValidationError('Ugyldig sidemarkør.', [{ path: 'cursor', message: 'invalid' }], 'invalid_cursor');
      }
      const inboxStates = new Set(['new', 'read', 'handled']);
      if (query.status && inboxStates.has(query.status) !== (box === 'inbox')) {
        throw new ValidationError(
          'Ugyldig status for denne boksen.',
          [{ path: 'status', message: 'invalid' }],
          'invalid_status',
        );
      }
      const filter = { type: query.type, status: query.status };
      return db.transaction(async (tx) => {
        const rows: repo.ListRow[] =
          box === 'inbox'
            ? await repo.listInbox(tx, service.id, filter, cursor, query.limit)
            : await repo.listOutbox(tx, service.herId, filter, cursor, query.limit);
        const page = rows.slice(0, query.limit);
        // One entry per message listed, written in one statement (a page of 25 would otherwise be 25 round trips).
        await repo.insertAuditEntries(
          tx,
          page.map((r) =>
            auditValues(ctx, {
              action: 'plo_message.read',
              resourceType: 'plo_message',
              resourceId: r.id,
              subjectPersonId: r.patientPersonId,
              details: { via: `console_${box}`, serviceHerId: herId },
            }),
          ),
        );
        const last = page[page.length - 1];
        const counts = await repo.newCounts(tx, [service.id]);
        return {
          service: serviceView(service, counts.get(service.id) ?? 0),
          items: page.map(listItemView),
          nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursorAt, last.cursorId) : null,
        };
      });
    },

    /**
     * One message in readable form; an incoming one becomes read.
     * @param ctx - the caller
     * @param id - the message's id
     */
    read: (ctx: RequestContext, id: string) => readMessage(ctx, id, true),

    /**
     * The message as received or sent, byte for byte (audited as its own read).
     * @param ctx - the caller
     * @param id - the message's id
     */
    async rawXml(ctx: RequestContext, id: string): Promise<{ xml: Buffer; msgId: string | null }> {
      const { row } = await visibleMessage(ctx, id);
      const xml = await repo.rawOf(db, id);
      await audit(db, ctx, 'plo_message.raw_read', row);
      return { xml: xml ?? Buffer.alloc(0), msgId: row.msgId };
    },

    /**
     * Marks an incoming message handled in the caller's service.
     * @param ctx - the caller
     * @param id - the message's id
     */
    async markHandled(ctx: RequestContext, id: string): Promise<PloConsoleMessage> {
      const { row, inbox } = await visibleMessage(ctx, id);
      const first = inbox[0];
      if (!first) {
        throw new ValidationError('Bare mottatte meldinger kan merkes som behandlet.', [], 'not_incoming');
      }
      await db.transaction(async (tx) => {
        await repo.advanceInboxState(tx, first.id, 'handled');
        await audit(tx, ctx, 'plo_message.handle', row);
      });
      return readMessage(ctx, id, false);
    },

    /**
     * Answers an incoming message with a dialog message (see console.answer.ts).
     * @param ctx - the caller
     * @param id - the original message's id
     * @param body - the answer
     */
    answer: (ctx: RequestContext, id: string, body: PloConsoleAnswerBody) => answerer.answer(ctx, id, body),
  };
}
