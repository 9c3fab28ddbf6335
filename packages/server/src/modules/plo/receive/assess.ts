import { CONTENT_VERSIONS, MESSAGE_TYPES, isMessageType, type AppRecErrorCode, type MessageType } from '../codes.ts';
import type { AddressRegister, RegisterParty } from '../address-register/address-register.service.ts';
import { addresseeHerIds, mainContent } from '../msghead/msghead.parse.ts';
import type { Addressee, MsgHead } from '../msghead/msghead.types.ts';
import { checkPatient } from '../patient-identity.ts';
import type { XmlIssue } from '../../../platform/xml/index.ts';

export type FoundError = { code: AppRecErrorCode; detail: string };

/** One receiving party of the message and what its AppRec will say. */
export type ReceiverAssessment = {
  role: 'PRIM' | 'COP';
  addressee: Addressee;
  /** The HER-id addressed: the communication party's (level 2), else the organisation's. */
  herId: string;
  /** The hosted party, when the message is addressed to one of ours. */
  party: RegisterParty | undefined;
  errors: FoundError[];
};

export type Assessment = {
  type: MessageType | undefined;
  content: { standard: 'PLO' | 'Dialogmelding'; version: string; ns: string; root: string } | undefined;
  patient: { nin?: string | undefined; idType?: string | undefined };
  messageErrors: FoundError[];
  receivers: ReceiverAssessment[];
};

/** RFC 4122 form; HIS 80415-1.1 §3.3.4: a MsgId that is not a GUID/UUID is rejected with E10. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function describeIssues(issues: XmlIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `linje ${i.line}: ${i.message}`)
    .join(' | ');
}

/**
 * Decides what each receiving party's AppRec says, in the order the standards list the checks:
 * format (T02 schema, T10 unsupported type or content), message identity (E10), patient (E30–E36), receiver
 * (E21), and whether the receiver takes this type in this version (T10). Rules from HIS 80415-1.1 §3.3 and
 * HITS 1168 §4–5. Copy receivers that are not ours get no AppRec (HITS 1168 §5.3); an unknown primary receiver
 * gets E21 (D6: the sender must learn of it).
 * @param m - the message as read
 * @param schemaIssues - the XSD validation's issues (empty when valid)
 * @param register - the address register
 */
export async function assessMessage(
  m: MsgHead,
  schemaIssues: XmlIssue[],
  register: AddressRegister,
): Promise<Assessment> {
  const messageErrors: FoundError[] = [];
  if (schemaIssues.length > 0) {
    messageErrors.push({ code: 'T02', detail: describeIssues(schemaIssues) });
  }
  const typeCode = m.msgInfo.type.v;
  const type = isMessageType(typeCode) ? typeCode : undefined;
  const root = mainContent(m);
  const version = root ? CONTENT_VERSIONS[root.ns] : undefined;
  const content = root && version ? { ...version, ns: root.ns, root: root.name } : undefined;
  if (!type) {
    messageErrors.push({ code: 'T10', detail: `Meldingstypen «${typeCode}» støttes ikke.` });
  } else if (root && MESSAGE_TYPES[type].ns !== root.ns) {
    messageErrors.push({ code: 'T10', detail: `Innholdet (${root.ns}) passer ikke til meldingstypen ${type}.` });
  }
  if (!UUID.test(m.msgInfo.msgId)) {
    messageErrors.push({ code: 'E10', detail: `MsgId «${m.msgInfo.msgId.slice(0, 80)}» er ikke en UUID.` });
  }
  const patient = checkPatient(m.msgInfo.patient, type ? MESSAGE_TYPES[type].standard === 'PLO' : true);
  messageErrors.push(...patient.errors);

  const receivers: ReceiverAssessment[] = [];
  const addressees: Array<[Addressee, 'PRIM' | 'COP']> = [
    [m.msgInfo.receiver, 'PRIM'],
    ...m.msgInfo.otherReceivers.map((o): [Addressee, 'COP'] => [o, 'COP']),
  ];
  for (const [addressee, role] of addressees) {
    const her = addresseeHerIds(addressee);
    const herId = her.party ?? her.organisation ?? '';
    const found = herId ? await register.lookup(herId) : undefined;
    const organisation = found ? await register.organisationOf(found) : undefined;
    const party =
      found?.hosted && (her.organisation === undefined || organisation?.herId === her.organisation) ? found : undefined;
    if (!party) {
      if (role === 'PRIM') {
        receivers.push({
          role,
          addressee,
          herId,
          party,
          errors: [
            { code: 'E21', detail: `Mottakeren (HER-id ${herId || 'mangler'}) finnes ikke hos denne mottakeren.` },
          ],
        });
      }
      continue;
    }
    const errors: FoundError[] = [];
    if (
      type &&
      content &&
      !party.capabilities.some((c) => c.messageType === type && (c.versions as string[]).includes(content.version))
    ) {
      errors.push({
        code: 'T10',
        detail: `${party.name} tar ikke imot ${type} i ${content.standard} ${content.version}.`,
      });
    }
    receivers.push({ role, addressee, herId, party, errors });
  }
  return { type, content, patient: { nin: patient.nin, idType: patient.idType }, messageErrors, receivers };
}
