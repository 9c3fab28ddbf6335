import type { AuditAction } from '@helsebro/contracts';
import type {
  PloAnswerType,
  PloConsoleAnswerBody,
  PloConsoleAnswerResponse,
  PloConsoleMessage,
  PloMessageStatus,
} from '@helsebro/contracts';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { UpstreamUnavailableError, ValidationError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { childElement, textOf } from '../../../platform/xml/index.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import { NS } from '../codes.ts';
import type { OutgoingMessageInput } from '../msghead/message.build.ts';
import type { PartyAddress, PatientIdType, PatientInput } from '../msghead/msghead.build.ts';
import { mainContent } from '../msghead/msghead.parse.ts';
import type { MsgHead } from '../msghead/msghead.types.ts';
import * as repo from './console.repository.ts';

/** What the console needs of the send service (`send/send.service.ts`): build, validate, store, queue. */
export type SendPort = {
  send(
    input: OutgoingMessageInput,
    ctx: RequestContext,
  ): Promise<{ id: string; msgId: string; status: string; duplicate: boolean }>;
};

/** TypeForesp, code list 9152 (HIS 1152 §4.2), as the answer form offers them. */
const QUESTION_KINDS: Record<'1' | '4' | '8' | '99', string> = {
  '1': 'Helseopplysninger',
  '4': 'Legemiddelopplysninger',
  '8': 'Status/plan for utskrivning',
  '99': 'Annen henvendelse',
};
/** TemaKodet, code list 7322: 6 Henvendelse om pasient (HIS 1077 §5). */
const NOTE_TOPIC = { v: '6', dn: 'Henvendelse om pasient' };
const PATIENT_ID_TYPES = new Set<PatientIdType>(['FNR', 'DNR', 'HNR', 'FHN']);

/**
 * The patient as the answer must name them: the original's MsgInfo/Patient with a person number (PLO and
 * Dialogmelding need name and identifier; HIS 80704 §4.1.1, HIS 80415-1.1 §3.3.4). Null when it has none.
 */
export function answerPatient(m: MsgHead | null): PatientInput | null {
  const p = m?.msgInfo.patient;
  const ident = p?.idents.find((i) => PATIENT_ID_TYPES.has(i.typeId.v as PatientIdType) && /^\d{11}$/.test(i.id));
  if (!p || !ident || !p.familyName || !p.givenName) {
    return null;
  }
  const sex = p.sex?.v;
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    middleName: p.middleName,
    nin: ident.id,
    idType: ident.typeId.v as PatientIdType,
    dateOfBirth: p.dateOfBirth,
    sex: sex === '1' || sex === '2' || sex === '9' ? sex : undefined,
  };
}

/** The question a DIALOG_FORESPORSEL asks (TypeForesp, Sporsmal), which a DIALOG_SVAR repeats (HIS 1152 §4.3). */
function originalQuestion(m: MsgHead | null) {
  const root = m ? mainContent(m) : undefined;
  const q = root && root.ns === NS.dialog10 ? childElement(root, NS.dialog10, 'Foresporsel') : undefined;
  const kind = childElement(q, NS.dialog10, 'TypeForesp');
  const text = textOf(childElement(q, NS.dialog10, 'Sporsmal'))?.trim();
  return kind && text
    ? { kind: { v: kind.attrs.V ?? '99', dn: kind.attrs.DN ?? QUESTION_KINDS['99'] }, question: text }
    : undefined;
}

/**
 * How a message can be answered: a received DIALOG_FORESPORSEL with a DIALOG_SVAR; another received message that
 * names its patient with a question or a note about the patient — each only when the original's sender is in the
 * address register and takes that type (its capability profile).
 * @param register - the address register
 * @param row - the message
 * @param m - the message parsed
 */
export async function answerTypesFor(
  register: AddressRegister,
  row: Pick<repo.MessageRow, 'direction' | 'status' | 'msgType' | 'senderPartyHerId' | 'senderHerId'>,
  m: MsgHead | null,
): Promise<PloAnswerType[]> {
  if (row.direction !== 'in' || row.status !== 'accepted' || !answerPatient(m)) {
    return [];
  }
  const party = await register.lookup(row.senderPartyHerId ?? row.senderHerId ?? '');
  if (!party) {
    return [];
  }
  const wanted: PloAnswerType[] =
    row.msgType === 'DIALOG_FORESPORSEL' && originalQuestion(m)
      ? ['DIALOG_SVAR']
      : ['DIALOG_FORESPORSEL', 'DIALOG_HELSEFAGLIG'];
  return wanted.filter((t) => party.capabilities.some((c) => c.messageType === t));
}

/** A message the caller may see, with its inbox rows in the caller's services and the service it belongs to. */
type Visible = {
  row: repo.MessageRow;
  inbox: Array<{ id: string; partyId: string; state: string }>;
  service: repo.HostedParty;
};

type Helpers = {
  visibleMessage(ctx: RequestContext, id: string): Promise<Visible>;
  parseStored(raw: Buffer | undefined): MsgHead | null;
  audit(q: Queryable, ctx: RequestContext, action: AuditAction, row: repo.MessageRow, details?: object): Promise<void>;
  readMessage(ctx: RequestContext, id: string, markRead: boolean): Promise<PloConsoleMessage>;
};

/**
 * Answers from the console with a dialog message through the send service (which builds, validates against the
 * XSDs, stores and queues it). The answer carries ConversationRef to the original: RefToParent its MsgId,
 * RefToConversation its conversation's first MsgId (HITS 1218 §3.3). Answering marks the original handled.
 */
export function createAnswerer(deps: { db: Db; register: AddressRegister; send: SendPort | null }, h: Helpers) {
  async function receiverOf(row: repo.MessageRow, m: MsgHead | null): Promise<PartyAddress> {
    const party = await deps.register.lookup(row.senderPartyHerId ?? row.senderHerId ?? '');
    const org = party ? await deps.register.organisationOf(party) : undefined;
    const orgName = org?.name ?? m?.msgInfo.sender.organisation.name ?? '';
    const organisation = {
      name: orgName,
      herId: org?.herId ?? row.senderHerId ?? '',
      orgNumber: org?.orgNumber ?? undefined,
    };
    return party && party.kind !== 'organisation'
      ? { organisation, service: { name: party.name, herId: party.herId } }
      : { organisation };
  }

  return {
    /**
     * @param ctx - the caller; a message handler of the service that received the original
     * @param id - the original message's id
     * @param body - the answer
     */
    async answer(ctx: RequestContext, id: string, body: PloConsoleAnswerBody): Promise<PloConsoleAnswerResponse> {
      const { row, inbox, service } = await h.visibleMessage(ctx, id);
      const m = h.parseStored(await repo.rawOf(deps.db, id));
      const allowed = inbox.length > 0 ? await answerTypesFor(deps.register, row, m) : [];
      if (!allowed.includes(body.type)) {
        throw new ValidationError(
          'Denne meldingen kan ikke besvares med den meldingstypen.',
          [{ path: 'type', message: 'not_allowed' }],
          'answer_type_not_allowed',
        );
      }
      if (!deps.send) {
        throw new UpstreamUnavailableError('Sending av meldinger er ikke slått på her.', 'sending_unavailable');
      }
      const me = ctx.actor.kind === 'personnel' ? await repo.personnelName(deps.db, ctx.actor.personnelId) : undefined;
      const author = me
        ? { familyName: me.familyName, givenName: me.givenName, hprNumber: me.hprNumber ?? undefined }
        : undefined;
      const patient = answerPatient(m);
      const question = originalQuestion(m);
      if (!patient || !row.msgId) {
        throw new ValidationError('Meldingen mangler pasient eller MsgId og kan ikke besvares.', [], 'not_answerable');
      }
      const envelope = {
        sender: {
          organisation: {
            name: service.organisationName ?? service.name,
            herId: service.organisationHerId ?? service.herId,
            orgNumber: service.organisationNumber ?? undefined,
          },
          service: { name: service.name, herId: service.herId },
        },
        receiver: await receiverOf(row, m),
        patient,
        conversationRef: { refToParent: row.msgId, refToConversation: row.conversationRoot ?? row.msgId },
      };
      const input: OutgoingMessageInput =
        body.type === 'DIALOG_SVAR' && question
          ? { ...envelope, type: 'DIALOG_SVAR', content: { answer: body.text, question, author } }
          : body.type === 'DIALOG_FORESPORSEL'
            ? {
                ...envelope,
                type: 'DIALOG_FORESPORSEL',
                content: {
                  question: {
                    kind: { v: body.questionKind, dn: QUESTION_KINDS[body.questionKind] },
                    question: body.text,
                  },
                  author,
                },
              }
            : {
                ...envelope,
                type: 'DIALOG_HELSEFAGLIG',
                content: {
                  topic: NOTE_TOPIC,
                  subject: body.type === 'DIALOG_HELSEFAGLIG' ? body.subject : undefined,
                  text: body.text,
                  author,
                },
              };
      const sent = await deps.send.send(input, ctx);
      await deps.db.transaction(async (tx) => {
        await repo.advanceInboxState(tx, inbox[0]!.id, 'handled');
        await h.audit(tx, ctx, 'plo_message.answer', row, { answerId: sent.id, answerType: body.type });
      });
      return { id: sent.id, msgId: sent.msgId, status: sent.status as PloMessageStatus, duplicate: sent.duplicate };
    },
  };
}
