import { ploMessageTypes } from '@helsebro/contracts';
import {
  serializeXml,
  type TreeOptions,
  type XmlElement,
  type XmlIssue,
  type XmlOutElement,
} from '../../../platform/xml/index.ts';
import type { MessageType } from '../codes.ts';
import { ploSchemaSet } from '../schema-set.ts';
import {
  dialogAvvik,
  dialogForesporsel,
  dialogHelsefaglig,
  dialogNotat,
  dialogSvar,
} from './content/dialogmelding.build.ts';
import type {
  AvvikInput,
  ForesporselInput,
  HelsefagligInput,
  NotatInput,
  SvarInput,
} from './content/dialogmelding.build.ts';
import {
  helseopplysninger,
  helseopplysningerLege,
  medisinskeOpplysninger,
  orienteringTjenestetilbud,
} from './content/helseopplysninger.build.ts';
import type {
  HelseopplysningerInput,
  HelseopplysningerLegeInput,
  MedisinskeOpplysningerInput,
  OrienteringTjenestetilbudInput,
} from './content/helseopplysninger.build.ts';
import {
  pasientlogistikkAvmelding,
  pasientlogistikkDod,
  pasientlogistikkInnlagt,
  pasientlogistikkUtskrevet,
  pasientlogistikkUtskrivningsklar,
} from './content/pasientlogistikk.build.ts';
import type {
  LogAvmeldingInput,
  LogDodInput,
  LogInnlagtInput,
  LogUtskrevetInput,
  LogUtskrivningsklarInput,
} from './content/pasientlogistikk.build.ts';
import { innleggelsesrapport, utskrivningsrapport } from './content/rapporter.build.ts';
import type { InnleggelsesrapportInput, UtskrivningsrapportInput } from './content/rapporter.build.ts';
import { buildMsgHeadElement, type EnvelopeInput } from './msghead.build.ts';

/** What Helsebro can build, by MsgInfo/Type: the envelope plus the typed content of that type. */
export type OutgoingMessageInput = Omit<EnvelopeInput, 'type'> &
  (
    | { type: 'LOG_INNLAGT'; content: LogInnlagtInput }
    | { type: 'LOG_UTSKRIVNINGSKLAR'; content: LogUtskrivningsklarInput }
    | { type: 'LOG_AVMELDING'; content: LogAvmeldingInput }
    | { type: 'LOG_UTSKREVET'; content: LogUtskrevetInput }
    | { type: 'LOG_DOD'; content: LogDodInput }
    | { type: 'INNLEGGELSESRAPPORT'; content: InnleggelsesrapportInput }
    | { type: 'UTSKRIVNINGSRAPPORT'; content: UtskrivningsrapportInput }
    | { type: 'HELSEOPPL_SOKNAD'; content: HelseopplysningerInput }
    | { type: 'HELSEOPPLYSNINGER_LEGE'; content: HelseopplysningerLegeInput }
    | { type: 'MEDISINSKE_OPPLYSNINGER'; content: MedisinskeOpplysningerInput }
    | { type: 'ORIENTERING_TJENESTETILBUD'; content: OrienteringTjenestetilbudInput }
    | { type: 'DIALOG_FORESPORSEL'; content: ForesporselInput }
    | { type: 'DIALOG_SVAR'; content: SvarInput }
    | { type: 'DIALOG_AVVIK'; content: AvvikInput }
    | { type: 'DIALOG_NOTAT'; content: NotatInput }
    | { type: 'DIALOG_HELSEFAGLIG'; content: HelsefagligInput }
  );

export type BuildableType = OutgoingMessageInput['type'];
/** Every type Helsebro knows can be built: the contracts' list, checked against the inputs above by the compiler. */
export const BUILDABLE_TYPES: readonly BuildableType[] = ploMessageTypes;

function contentOf(input: OutgoingMessageInput): XmlOutElement {
  switch (input.type) {
    case 'LOG_INNLAGT':
      return pasientlogistikkInnlagt(input.content);
    case 'LOG_UTSKRIVNINGSKLAR':
      return pasientlogistikkUtskrivningsklar(input.content);
    case 'LOG_AVMELDING':
      return pasientlogistikkAvmelding(input.content);
    case 'LOG_UTSKREVET':
      return pasientlogistikkUtskrevet(input.content);
    case 'LOG_DOD':
      return pasientlogistikkDod(input.content);
    case 'INNLEGGELSESRAPPORT':
      return innleggelsesrapport(input.content);
    case 'UTSKRIVNINGSRAPPORT':
      return utskrivningsrapport(input.content);
    case 'HELSEOPPL_SOKNAD':
      return helseopplysninger(input.content);
    case 'HELSEOPPLYSNINGER_LEGE':
      return helseopplysningerLege(input.content);
    case 'MEDISINSKE_OPPLYSNINGER':
      return medisinskeOpplysninger(input.content);
    case 'ORIENTERING_TJENESTETILBUD':
      return orienteringTjenestetilbud(input.content);
    case 'DIALOG_FORESPORSEL':
      return dialogForesporsel(input.content);
    case 'DIALOG_SVAR':
      return dialogSvar(input.content);
    case 'DIALOG_AVVIK':
      return dialogAvvik(input.content);
    case 'DIALOG_NOTAT':
      return dialogNotat(input.content);
    case 'DIALOG_HELSEFAGLIG':
      return dialogHelsefaglig(input.content);
  }
}

/** A message Helsebro built did not validate: a bug in a builder or input the form should have refused. */
export class MessageBuildError extends Error {
  override name = 'MessageBuildError';
  constructor(
    readonly type: MessageType,
    readonly issues: XmlIssue[],
  ) {
    super(`The ${type} message built does not validate: ${issues.map((i) => `${i.line}: ${i.message}`).join('; ')}`);
  }
}

export type BuiltMessage = {
  xml: string;
  msgId: string;
  genDate: string;
  type: MessageType;
  /** The validated document as a tree, as deep as `tree` asked (the root alone by default). */
  root: XmlElement;
};

/**
 * Builds a MsgHead v1.2 message with its PLO 1.6 or Dialogmelding content, and validates it against the official
 * XSDs before it is returned: nothing Helsebro sends is unvalidated (issue 4; plo-messaging.md §2.5).
 * @param input - the envelope and the typed content of one message type
 * @param tree - how much of the validated document to return as a tree (the sender stores MsgInfo from it)
 * @throws MessageBuildError when the result does not validate
 */
export function buildMessage(input: OutgoingMessageInput, tree: TreeOptions = { treeDepth: 0 }): BuiltMessage {
  const { root, msgId, genDate } = buildMsgHeadElement(input, contentOf(input));
  const xml = serializeXml(root);
  const outcome = ploSchemaSet().validate(Buffer.from(xml, 'utf8'), tree);
  if (!outcome.wellFormed || !outcome.valid) {
    throw new MessageBuildError(input.type, outcome.issues);
  }
  return { xml, msgId, genDate, type: input.type, root: outcome.root };
}
