import { createHash } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { AppError, ForbiddenError, type FieldError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { enqueue } from '../../../platform/jobs/index.ts';
import type { AddressRegister, RegisterParty } from '../address-register/address-register.service.ts';
import { FORSENDELSESSTATUS, MESSAGE_TYPES, NS } from '../codes.ts';
import { buildMessage, MessageBuildError, type OutgoingMessageInput } from '../msghead/message.build.ts';
import { mainContent, parseMsgHead } from '../msghead/msghead.parse.ts';
import type { PartyAddress } from '../msghead/msghead.build.ts';
import { childElement } from '../../../platform/xml/index.ts';
import { parsedFields, RECEIVED_TREE } from '../receive/receive.service.ts';
import { DELIVERY_MAX_ATTEMPTS } from './deliver.job.ts';
import * as repo from './send.repository.ts';

/** The outbox job that POSTs an outgoing message to its receiver's endpoint (send/deliver.job.ts). */
export const MESSAGE_SEND_JOB = 'plo.message.send';

/** What `send` answers: the stored message, and whether it was there already (same MsgId, nothing new sent). */
export type SendResult = { id: string; msgId: string; status: string; duplicate: boolean };

/**
 * A message that cannot be sent as asked: it does not validate, or its receiver cannot take it. 422 with every
 * problem named; nothing is stored and nothing leaves.
 */
export class SendRefusedError extends AppError {
  constructor(code: string, message: string, fieldErrors: FieldError[] = []) {
    super(422, code, message, fieldErrors);
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The HER-id of the communication party a PartyAddress names: the service or person, else the organisation. */
const partyHerIdOf = (p: PartyAddress) => p.service?.herId ?? p.person?.herId ?? p.organisation.herId;

export type SendService = ReturnType<typeof createSendService>;

/**
 * Sends PLO messages (issue 4, "Sending"): build from typed data → validate against the XSDs → check sender and
 * receiver in the address register → store the raw XML and parsed fields as an outgoing `queued` message, with its
 * first history entry, an audit entry with the patient as subject, and the delivery job, all in one transaction.
 * The outbox then POSTs it (send/deliver.job.ts). Idempotent by MsgId: the same sender and MsgId again returns
 * the stored message with `duplicate: true` and sends nothing new (HITS 1168 §5.4; the receiver drops repeats too).
 * @param deps - the store and the address register
 */
export function createSendService(deps: { db: Db; register: AddressRegister }) {
  const { db, register } = deps;

  /**
   * Who may send in the name of `sender`: the platform itself, or a message handler whose login is for the
   * organisation that owns the sending service: its municipality, or, in a hospital's installation where the
   * hospital's parties have no municipality, the organisation whose number the login's organisation row carries
   * (the rule the message console uses, console.service.ts).
   */
  async function owns(ctx: RequestContext, sender: RegisterParty): Promise<boolean> {
    return (
      ctx.municipalityId !== null &&
      (sender.municipalityId === ctx.municipalityId ||
        (sender.municipalityId === null &&
          (await register.organisationOf(sender)).orgNumber === (await repo.orgNumberOf(db, ctx.municipalityId))))
    );
  }

  async function authorize(ctx: RequestContext, sender: RegisterParty): Promise<void> {
    if (ctx.actor.kind === 'system') {
      return;
    }
    if (ctx.actor.kind !== 'personnel') {
      throw new ForbiddenError('Bare meldingsansvarlige kan sende PLO-meldinger.', 'wrong_role');
    }
    if (!(await owns(ctx, sender))) {
      throw new ForbiddenError(
        `Avsender ${sender.herId} tilhører ikke kommunen du er logget inn for.`,
        'sender_not_yours',
      );
    }
    if (!(await repo.isMessageHandler(db, ctx, ctx.actor.personnelId))) {
      throw new ForbiddenError('Du har ikke rollen meldingsansvarlig i denne kommunen.', 'wrong_role');
    }
  }

  /** Our own sending party: hosted here, and the service (if named) under the organisation named. */
  async function senderOf(input: OutgoingMessageInput): Promise<RegisterParty> {
    const herId = partyHerIdOf(input.sender);
    const party = await register.lookup(herId);
    if (!party || !party.hosted) {
      throw new SendRefusedError(
        'sender_unknown',
        `Avsender ${herId} er ikke en av denne installasjonens egne tjenester.`,
        [{ path: 'sender', message: `HER-id ${herId} er ikke en egen tjeneste i adresseregisteret.` }],
      );
    }
    const org = await register.organisationOf(party);
    if (org.herId !== input.sender.organisation.herId) {
      throw new SendRefusedError(
        'sender_mismatch',
        `Avsender ${herId} hører ikke til organisasjonen ${input.sender.organisation.herId}.`,
        [{ path: 'sender.organisation.herId', message: `Tjenesten hører til ${org.herId}.` }],
      );
    }
    return party;
  }

  /**
   * The receiving party: known, under the organisation named, with a transport endpoint, and a capability
   * profile that takes this message type in the version Helsebro writes (as a CPP says; HIS 1153-1 §6).
   */
  async function receiverOf(input: OutgoingMessageInput): Promise<RegisterParty> {
    const herId = partyHerIdOf(input.receiver);
    const party = await register.lookup(herId);
    const problems: FieldError[] = [];
    if (!party) {
      throw new SendRefusedError('receiver_unknown', `Mottaker ${herId} finnes ikke i adresseregisteret.`, [
        { path: 'receiver', message: `HER-id ${herId} er ukjent.` },
      ]);
    }
    const org = await register.organisationOf(party);
    if (org.herId !== input.receiver.organisation.herId) {
      problems.push({ path: 'receiver.organisation.herId', message: `Mottakeren hører til ${org.herId}.` });
    }
    if (!(await register.endpointOf(party))) {
      problems.push({ path: 'receiver', message: `Mottaker ${herId} har ikke noe transportendepunkt.` });
    }
    const version = MESSAGE_TYPES[input.type].version;
    if (!party.capabilities.some((c) => c.messageType === input.type && c.versions.some((v) => v === version))) {
      problems.push({
        path: 'type',
        message: `Mottaker ${herId} tar ikke imot ${input.type} versjon ${version} (kommunikasjonsprofilen).`,
      });
    }
    if (problems.length > 0) {
      throw new SendRefusedError(
        'receiver_cannot_receive',
        `Mottaker ${herId} kan ikke ta imot denne meldingen.`,
        problems,
      );
    }
    return party;
  }

  function build(input: OutgoingMessageInput) {
    try {
      return buildMessage(input, RECEIVED_TREE);
    } catch (err) {
      if (err instanceof MessageBuildError) {
        // Never sent: an invalid message is refused here, with what the schema says is wrong.
        throw new SendRefusedError(
          'message_invalid',
          `Meldingen (${input.type}) validerer ikke mot XSD-ene og blir ikke sendt.`,
          err.issues.slice(0, 20).map((i) => ({ path: `xml:${i.line}`, message: i.message })),
        );
      }
      throw err;
    }
  }

  async function existing(ctx: RequestContext, senderHerId: string, msgId: string): Promise<SendResult | undefined> {
    const found = await repo.findOutgoing(db, senderHerId, msgId);
    if (!found) {
      return undefined;
    }
    await recordAudit(db, ctx, {
      action: 'plo_message.send_duplicate',
      resourceType: 'plo_message',
      resourceId: found.id,
      details: { msgId },
    });
    return { ...found, duplicate: true };
  }

  return {
    /**
     * Builds, validates, stores and queues one outgoing message.
     * @param input - the envelope and typed content; a MsgId is generated when none is given
     * @param ctx - the caller: the system (integrations, tests) or a message handler of the sender's municipality
     * @throws SendRefusedError 422 when the message does not validate or the receiver cannot take it
     * @throws ForbiddenError 403 when the caller may not send for this sender
     */
    async send(input: OutgoingMessageInput, ctx: RequestContext): Promise<SendResult> {
      if (input.msgId !== undefined && !UUID.test(input.msgId)) {
        // A receiver answers a MsgId that is not a UUID with E10 (HIS 80415-1.1 §3.3.4; receive/assess.ts): refuse it here.
        throw new SendRefusedError('msg_id_invalid', 'MsgId må være en UUID.', [
          { path: 'msgId', message: 'MsgId må være en UUID.' },
        ]);
      }
      const sender = await senderOf(input);
      await authorize(ctx, sender);
      const senderOrgHerId = input.sender.organisation.herId;
      if (input.msgId) {
        const earlier = await existing(ctx, senderOrgHerId, input.msgId);
        if (earlier) {
          return earlier;
        }
      }
      const receiver = await receiverOf(input);
      const built = build(input);
      const head = parseMsgHead(built.root);
      const info = childElement(mainContent(head), NS.poKomponent, 'InformasjonOmForsendelsen');
      const fs = childElement(info, NS.poKomponent, 'Forsendelsesstatus')?.attrs.V;
      const raw = Buffer.from(built.xml, 'utf8');
      const kind = MESSAGE_TYPES[input.type];
      const municipalityId = sender.municipalityId;

      const stored = await db.transaction(async (tx) => {
        const row = await repo.insertOutgoing(tx, {
          msgId: built.msgId,
          msgType: input.type,
          contentStandard: kind.standard,
          contentVersion: kind.version,
          forsendelsesstatus: fs !== undefined && Object.hasOwn(FORSENDELSESSTATUS, fs) ? fs : null,
          genDate: built.genDate,
          conversationParent: input.conversationRef?.refToParent ?? null,
          conversationRoot: input.conversationRef?.refToConversation ?? built.msgId,
          senderHerId: senderOrgHerId,
          senderPartyHerId: input.sender.service?.herId ?? input.sender.person?.herId ?? null,
          receiverHerId: input.receiver.organisation.herId,
          receiverPartyHerId: input.receiver.service?.herId ?? input.receiver.person?.herId ?? null,
          senderPartyId: sender.id,
          receiverPartyId: receiver.id,
          municipalityId,
          patientNin: input.patient.nin,
          patientIdType: input.patient.idType,
          raw,
          rawSha256: sha256(raw),
          parsed: parsedFields(head),
          problems: [],
        });
        if (!row) {
          return undefined;
        }
        await repo.addEvent(tx, row.id, 'queued', {});
        await enqueue(tx, {
          kind: MESSAGE_SEND_JOB,
          payload: { messageId: row.id },
          municipalityId,
          maxAttempts: DELIVERY_MAX_ATTEMPTS,
        });
        await recordAudit(
          tx,
          { ...ctx, municipalityId: ctx.municipalityId ?? municipalityId },
          {
            action: 'plo_message.send',
            resourceType: 'plo_message',
            resourceId: row.id,
            subjectPersonId: row.patientPersonId,
            details: { msgType: input.type, msgId: built.msgId, receiverHerId: receiver.herId },
          },
        );
        return row;
      });
      if (!stored) {
        // Someone sent the same MsgId at the same moment; theirs won.
        const earlier = await existing(ctx, senderOrgHerId, built.msgId);
        if (earlier) {
          return earlier;
        }
        throw new Error('a MsgId conflict without the earlier message');
      }
      return { id: stored.id, msgId: built.msgId, status: 'queued', duplicate: false };
    },

    /**
     * An outgoing message with its status history.
     * @param ctx - the caller: the system, or personnel of the sending party's municipality
     * @param id - the message's id
     */
    async status(ctx: RequestContext, id: string) {
      const m = await repo.findWithHistory(db, id);
      if (!m) {
        return undefined;
      }
      if (ctx.actor.kind !== 'system') {
        const sender = m.senderPartyId ? await register.byId(m.senderPartyId) : undefined;
        if (ctx.actor.kind !== 'personnel' || !sender || !(await owns(ctx, sender))) {
          return undefined;
        }
        if (!(await repo.isMessageHandler(db, ctx, ctx.actor.personnelId))) {
          throw new ForbiddenError('Du har ikke rollen meldingsansvarlig i denne kommunen.', 'wrong_role');
        }
      }
      await recordAudit(db, ctx, {
        action: 'plo_message.status_read',
        resourceType: 'plo_message',
        resourceId: m.id,
        subjectPersonId: m.patientPersonId,
      });
      return m;
    },
  };
}
