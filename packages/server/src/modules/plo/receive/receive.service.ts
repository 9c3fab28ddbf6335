import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { EdiReceipt } from '@helsebro/contracts';
import { auditValues, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { AppError, ForbiddenError, ValidationError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { Clock } from '../../../platform/platform.ts';
import type { XmlIssue, XmlRefusal } from '../../../platform/xml/index.ts';
import { XmlWorkerError, type XmlPool } from '../../../platform/xml/xml-pool.ts';
import type { AddressRegister, RegisterParty } from '../address-register/address-register.service.ts';
import { appRecPartyOf, buildAppRec } from '../apprec/apprec.build.ts';
import type { AppRecParty } from '../apprec/apprec.types.ts';
import { isAppRec } from '../apprec/apprec.parse.ts';
import { APPREC_ERRORS, FORSENDELSESSTATUS, NS, type Forsendelsesstatus } from '../codes.ts';
import { addresseeHerIds, isMsgHead, mainContent, parseMsgHead } from '../msghead/msghead.parse.ts';
import type { MsgHead } from '../msghead/msghead.types.ts';
import { childElement } from '../../../platform/xml/index.ts';
import { isXsDateTime, osloDateTime } from '../xml-time.ts';
import { assessMessage, type Assessment, type ReceiverAssessment } from './assess.ts';
import * as repo from './messages.repository.ts';
import { receiveAppRec, type AppRecReceipt } from './receive-apprec.ts';
import { foreignSenderError, foreignSenderParties, partnerAppRecParty } from './sender-parties.ts';

export const APPREC_SEND_JOB = 'plo.apprec.send';

/**
 * How much of the received document is copied out of the parser: MsgInfo's deepest element is level 8
 * (MsgHead/MsgInfo/Sender/Organisation/Organisation/HealthcareProfessional/Ident/Id), and the content is read
 * three levels down, to InformasjonOmForsendelsen/Forsendelsesstatus. An attachment's Base64Container is kept
 * without its text: an 8 MB attachment would otherwise be copied out of WASM and again from the XML thread, for
 * nothing (measured, 20–40 ms of the event loop). The rest stays in the stored raw XML; measured, copying a whole
 * Innleggelsesrapport costs more than validating it.
 */
export const RECEIVED_TREE = {
  treeDepth: 8,
  subtreeDepth: { [`{${NS.msgHead}}Content`]: 3, [`{${NS.base64Container}}Base64Container`]: -1 },
};

/** An accepted message of a patient in the population register, as handed to `afterAccepted`. */
export type AcceptedPloMessage = {
  messageId: string;
  msgType: string;
  municipalityId: string;
  patientPersonId: string;
  receivedAt: Date;
};
export type AfterAccepted = (ctx: RequestContext, m: AcceptedPloMessage) => Promise<void>;

export type Partner = { credentialId: string; party: RegisterParty };
/** The body as received, with its SHA-256 (hashed where it was validated, off the event loop when large). */
type Raw = { bytes: Buffer; sha256: string };
export type ReceiveResult = { status: 200 | 202; body: EdiReceipt | AppRecReceipt };

/** A 413 for a document over the size limit (the HTTP body limit normally answers first). */
class TooLargeError extends AppError {
  constructor(message: string) {
    super(413, 'message_too_large', message);
  }
}

/**
 * A 503 when the XML check itself failed (its thread crashed or timed out, or the server is stopping): nothing
 * is known about the message, so no AppRec can be given; it is not taken in, and the partner sends it again.
 */
export class XmlCheckUnavailableError extends AppError {
  constructor(reason: XmlWorkerError['reason']) {
    super(503, XML_CHECK_FAILURES[reason].code, XML_CHECK_FAILURES[reason].text);
  }
}

const XML_CHECK_FAILURES: Record<XmlWorkerError['reason'], { code: string; text: string }> = {
  timeout: {
    code: 'xml_check_timeout',
    text: 'Kontrollen av meldingen ble ikke ferdig i tide. Meldingen er ikke tatt imot; send den på nytt senere.',
  },
  crashed: {
    code: 'xml_check_failed',
    text: 'Kontrollen av meldingen feilet hos oss. Meldingen er ikke tatt imot; send den på nytt senere.',
  },
  closed: {
    code: 'shutting_down',
    text: 'Tjenesten stopper. Meldingen er ikke tatt imot; send den på nytt om litt.',
  },
};

const REFUSAL_TEXT: Record<XmlRefusal, string> = {
  too_large: 'Meldingen er for stor.',
  not_utf8: 'Meldingen er ikke gyldig UTF-8.',
  unsupported_encoding: 'Meldingen må være kodet som UTF-8.',
  dtd_forbidden: 'Meldingen har en dokumenttypedeklarasjon (DTD); det er ikke tillatt.',
  too_deep: 'Meldingen er nøstet for dypt.',
  not_well_formed: 'Meldingen er ikke velformet XML.',
};

/**
 * An identifier of a received message (MsgId, RefToConversation) as a key the store indexes, or null. A MsgId is
 * a UUID, 36 characters; one far longer is refused (E10) anyway and would not fit a btree entry (at most 2704
 * bytes: PostgreSQL answered a 100 000-character MsgId with an error, and the partner with a 500). It stays in
 * the raw message and the parsed fields.
 */
const MAX_KEY_LENGTH = 200;
const asKey = (v: string | undefined): string | null => (v && v.length <= MAX_KEY_LENGTH ? v : null);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fieldErrors = (issues: XmlIssue[]) =>
  issues.slice(0, 10).map((i) => ({ path: `body:${i.line}`, message: i.message }));

/** What is stored as the parsed message: MsgInfo and a summary of each Document (the content stays in `raw`). */
export function parsedFields(m: MsgHead): Record<string, unknown> {
  return {
    msgInfo: m.msgInfo,
    documents: m.documents.map((d) => ({
      documentConnection: d.documentConnection?.v,
      msgType: d.refDoc.msgType.v,
      mimeType: d.refDoc.mimeType,
      description: d.refDoc.description,
      issueDate: d.refDoc.issueDate,
      content: d.refDoc.content ? { ns: d.refDoc.content.ns, root: d.refDoc.content.name } : undefined,
    })),
  };
}

function forsendelsesstatusOf(m: MsgHead): Forsendelsesstatus | null {
  const info = childElement(mainContent(m), NS.poKomponent, 'InformasjonOmForsendelsen');
  const v = childElement(info, NS.poKomponent, 'Forsendelsesstatus')?.attrs.V;
  return v !== undefined && Object.hasOwn(FORSENDELSESSTATUS, v) ? (v as Forsendelsesstatus) : null;
}

export type ReceiveService = ReturnType<typeof createReceiveService>;

/**
 * Receives MsgHead messages and AppRecs posted by partners (issue 4, "Receiving"): safe parse → XSD validation →
 * sender checked against the credential → receiver looked up in the address register → patient identification
 * → duplicate MsgId → raw XML and parsed fields stored → one AppRec per receiving party queued in the outbox →
 * the message in each receiving service's inbox. Bad input is answered with a 4xx or a negative AppRec, never
 * a 500; every message stored is audited with the patient as subject when the patient is in the register.
 * @param deps - store, address register, clock and the compiled schema set
 */
export function createReceiveService(deps: {
  db: Db;
  register: AddressRegister;
  clock: Clock;
  xml: XmlPool;
  afterAccepted?: AfterAccepted | undefined;
  logger?: Pick<FastifyBaseLogger, 'error'> | undefined;
}) {
  const { db, register, clock, xml } = deps;

  /**
   * What other modules do with an accepted message (issue 15: an admission pauses home visits), after it is
   * stored and its AppRec queued: a failure there is logged (by message id, never the identity number) and
   * leaves the receipt and the message as they are.
   */
  async function afterStored(ctx: RequestContext, m: AcceptedPloMessage): Promise<void> {
    try {
      await deps.afterAccepted?.(ctx, m);
    } catch (err) {
      deps.logger?.error({ err, messageId: m.messageId, msgType: m.msgType }, 'after-receipt step failed');
    }
  }

  /** Keeps a message that could not be answered with an AppRec (D6: kept for inspection), then audits it. */
  async function keep(
    ctx: RequestContext,
    partner: Partner,
    raw: Raw,
    status: 'unreadable' | 'refused',
    problem: Record<string, unknown>,
    m?: MsgHead,
  ): Promise<string> {
    return db.transaction(async (tx) => {
      const row = await repo.insertMessage(tx, {
        direction: 'in',
        status,
        msgId: null,
        msgType: m?.msgInfo.type.v || null,
        senderHerId: m ? (addresseeHerIds(m.msgInfo.sender).organisation ?? null) : null,
        senderPartyId: partner.party.id,
        raw: raw.bytes,
        rawSha256: raw.sha256,
        parsed: m ? parsedFields(m) : null,
        problems: [problem],
      });
      await recordAudit(tx, ctx, {
        action: 'plo_message.receive',
        resourceType: 'plo_message',
        resourceId: row?.id ?? null,
        details: { outcome: status, ...problem, credentialId: partner.credentialId },
      });
      return row?.id ?? '';
    });
  }

  async function receiveMsgHead(ctx: RequestContext, partner: Partner, raw: Raw, m: MsgHead, issues: XmlIssue[]) {
    const sender = addresseeHerIds(m.msgInfo.sender);
    if (!sender.organisation) {
      // HITS 1168 §5.3: too poorly addressed to know the sender: no AppRec.
      await keep(ctx, partner, raw, 'unreadable', { code: 'sender_unreadable', issues }, m);
      throw new ValidationError(
        'Avsender (HER-id) kan ikke leses; meldingen kan ikke kvitteres.',
        fieldErrors(issues),
        'sender_unreadable',
      );
    }
    if (sender.organisation !== partner.party.herId) {
      // HITS 1216 §2.2.3 abuse:spoofing-attack: the business sender is not the authenticated partner.
      await keep(ctx, partner, raw, 'refused', { code: 'sender_mismatch', claimed: sender.organisation }, m);
      throw new ForbiddenError(
        `Avsender ${sender.organisation} i meldingen er ikke den nøkkelen tilhører (${partner.party.herId}).`,
        'sender_mismatch',
      );
    }
    // A sub-level the partner may not speak for: the message is refused with a negative AppRec to the partner
    // organisation itself, so nothing is addressed to the party it named (issue 10).
    const foreign = await foreignSenderParties(m.msgInfo.sender, partner.party, register);
    const refused = foreign.length > 0;
    const assessment = await assessMessage(m, issues, register);
    if (refused) {
      assessment.messageErrors.unshift(foreignSenderError(foreign, partner.party));
    }
    const replyTo = refused ? partnerAppRecParty(partner.party) : appRecPartyOf(m.msgInfo.sender);
    const now = clock.now();
    const appRecs = assessment.receivers.map((r) => answer(m, assessment, r, replyTo, now));
    const primary = appRecs[0]!;
    const municipalityId = assessment.receivers[0]?.party?.municipalityId ?? null;
    const partyCtx = { ...ctx, municipalityId };
    const msgId = asKey(m.msgInfo.msgId);

    const messageId = randomUUID();
    const outcome = primary.status === '1' ? 'accepted' : 'rejected';
    const status = refused ? 'refused' : outcome;
    const problem = refused ? [{ code: 'sender_party_foreign', claimed: foreign }] : [];
    const stored = await repo.storeReceived(db, {
      message: {
        id: messageId,
        status,
        msgId,
        msgType: m.msgInfo.type.v || null,
        contentStandard: assessment.content?.standard ?? null,
        contentVersion: assessment.content?.version ?? null,
        forsendelsesstatus: forsendelsesstatusOf(m),
        genDate: m.msgInfo.genDate || null,
        conversationParent: m.msgInfo.conversationRef?.refToParent ?? null,
        conversationRoot: asKey(m.msgInfo.conversationRef?.refToConversation) ?? msgId,
        senderHerId: sender.organisation,
        senderPartyHerId: refused ? null : (sender.party ?? null),
        receiverHerId: addresseeHerIds(m.msgInfo.receiver).organisation ?? null,
        receiverPartyHerId: addresseeHerIds(m.msgInfo.receiver).party ?? null,
        senderPartyId: partner.party.id,
        receiverPartyId: assessment.receivers[0]?.party?.id ?? null,
        municipalityId,
        patientNin: assessment.patient.nin ?? null,
        patientIdType: assessment.patient.idType ?? null,
        raw: raw.bytes,
        rawSha256: raw.sha256,
        parsed: parsedFields(m),
        problems: [...problem, ...assessment.messageErrors, ...assessment.receivers.flatMap((r) => r.errors)],
      },
      appRecs: appRecs.map((a) => ({ ...a.row, municipalityId: a.receiver.party?.municipalityId ?? null })),
      inbox: appRecs
        .filter((a) => a.status === '1' && a.receiver.party)
        .map((a) => ({
          partyId: a.receiver.party!.id,
          municipalityId: a.receiver.party!.municipalityId,
          role: a.receiver.role,
        })),
      jobKind: APPREC_SEND_JOB,
      audit: auditValues(partyCtx, {
        action: 'plo_message.receive',
        resourceType: 'plo_message',
        details: {
          outcome: status,
          ...(refused ? { code: 'sender_party_foreign', claimed: foreign.map((f) => f.herId) } : {}),
          msgType: m.msgInfo.type.v,
          msgId,
          errors: appRecs.flatMap((a) => a.errors.map((e) => e.code)),
          credentialId: partner.credentialId,
        },
      }),
    });
    if (!stored) {
      return duplicate(partyCtx, partner, sender.organisation, msgId!);
    }
    if (status === 'accepted' && municipalityId && stored.patientPersonId && m.msgInfo.type.v) {
      await afterStored(partyCtx, {
        messageId: stored.id,
        msgType: m.msgInfo.type.v,
        municipalityId,
        patientPersonId: stored.patientPersonId,
        receivedAt: now,
      });
    }
    const body: EdiReceipt = {
      outcome,
      messageId: stored.id,
      msgId: m.msgInfo.msgId,
      appRecs: appRecs.map((a) => ({ id: a.id, receiverHerId: a.receiver.herId, status: a.status, errors: a.errors })),
    };
    return { status: 202 as const, body };
  }

  /**
   * Safe parse and validation, in an XML thread when the document is large (issue 10: an 8 MB message held the
   * event loop for seconds). When the check itself fails, the message is kept for inspection and answered 503.
   */
  async function check(ctx: RequestContext, partner: Partner, bytes: Buffer) {
    try {
      const r = await xml.validate(bytes, { tree: RECEIVED_TREE, sha256: true });
      return { outcome: r.outcome, raw: { bytes, sha256: r.sha256! } };
    } catch (err) {
      if (!(err instanceof XmlWorkerError)) {
        throw err;
      }
      const refusal = new XmlCheckUnavailableError(err.reason);
      if (err.reason !== 'closed') {
        await keep(ctx, partner, { bytes, sha256: sha256(bytes) }, 'unreadable', { code: refusal.code });
      }
      throw refusal;
    }
  }

  async function duplicate(
    ctx: RequestContext,
    partner: Partner,
    senderHerId: string,
    msgId: string,
  ): Promise<ReceiveResult> {
    const earlier = await repo.findReceived(db, senderHerId, msgId);
    if (!earlier) {
      throw new Error('a duplicate MsgId without the earlier message');
    }
    // HITS 1168 §5.4: a repeated MsgId is processed once; no second AppRec.
    await recordAudit(db, ctx, {
      action: 'plo_message.duplicate',
      resourceType: 'plo_message',
      resourceId: earlier.id,
      subjectPersonId: earlier.patientPersonId,
      details: { msgId, credentialId: partner.credentialId },
    });
    const body: EdiReceipt = {
      outcome: 'duplicate',
      messageId: earlier.id,
      msgId,
      appRecs: earlier.appRecs.map((a) => ({
        id: a.id,
        receiverHerId: a.receiverHerId,
        status: a.status === '1' ? '1' : '2',
        errors: a.errors,
      })),
    };
    return { status: 200, body };
  }

  return {
    /**
     * Receives one posted document.
     * @param ctx - the partner's context (actor kind `partner`)
     * @param partner - the authenticated partner organisation
     * @param bytes - the body as received
     * @throws ValidationError 400, ForbiddenError 403 or a 413 for what cannot be answered with an AppRec
     */
    async receive(ctx: RequestContext, partner: Partner, bytes: Buffer): Promise<ReceiveResult> {
      const { outcome, raw } = await check(ctx, partner, bytes);
      if (!outcome.wellFormed) {
        if (outcome.refusal === 'too_large') {
          throw new TooLargeError(REFUSAL_TEXT.too_large);
        }
        await keep(ctx, partner, raw, 'unreadable', { code: `xml_${outcome.refusal}`, issues: outcome.issues });
        throw new ValidationError(REFUSAL_TEXT[outcome.refusal], fieldErrors(outcome.issues), `xml_${outcome.refusal}`);
      }
      if (isAppRec(outcome.root)) {
        return receiveAppRec({ db, register }, ctx, partner, outcome, raw.bytes);
      }
      if (!isMsgHead(outcome.root)) {
        const found = `{${outcome.root.ns}}${outcome.root.name}`;
        await keep(ctx, partner, raw, 'unreadable', { code: 'unsupported_document', root: found });
        throw new ValidationError(
          `Dokumentet (${found}) er verken en MsgHead v1.2 eller en AppRec.`,
          [],
          'unsupported_document',
        );
      }
      return receiveMsgHead(ctx, partner, raw, parseMsgHead(outcome.root), outcome.issues);
    },
  };
}

type Answer = {
  id: string;
  status: '1' | '2';
  errors: Array<{ code: string; text: string; detail: string }>;
  receiver: ReceiverAssessment;
  row: Omit<repo.StoreReceivedInput['appRecs'][number], 'municipalityId'>;
};

/**
 * The AppRec one receiving party sends to `replyTo` (the original Sender mirrored, HITS 1168 §11, unless it was
 * refused), status 2 with every error found for the message and for this party, else status 1. OriginalMsgId
 * carries the message's Type, GenDate and MsgId.
 */
function answer(m: MsgHead, a: Assessment, r: ReceiverAssessment, replyTo: AppRecParty, now: Date): Answer {
  const found = [...a.messageErrors, ...r.errors];
  const status = found.length === 0 ? '1' : '2';
  const genDate = isXsDateTime(m.msgInfo.genDate) ? m.msgInfo.genDate : osloDateTime(now);
  const built = buildAppRec({
    status,
    errors: found.map((e) => ({ code: e.code, detail: e.detail })),
    sender: appRecPartyOf(r.addressee),
    senderRole: r.role,
    receiver: replyTo,
    original: { type: m.msgInfo.type, genDate, msgId: m.msgInfo.msgId },
    genDate: now,
  });
  const errors = found.map((e) => ({ code: e.code, text: APPREC_ERRORS[e.code], detail: e.detail }));
  return {
    id: built.id,
    status,
    errors,
    receiver: r,
    row: {
      id: randomUUID(),
      appRecId: built.id,
      answeringHerId: r.herId,
      partyId: r.party?.id ?? null,
      role: r.role,
      status,
      errors,
      originalMsgId: m.msgInfo.msgId,
      xml: Buffer.from(built.xml, 'utf8'),
    },
  };
}
