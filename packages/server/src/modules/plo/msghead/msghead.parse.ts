import { childElement, childElements, childText, isElement, type XmlElement } from '../../../platform/xml/index.ts';
import { NS } from '../codes.ts';
import type {
  Addressee,
  Coded,
  HealthcareProfessional,
  Ident,
  MsgDocument,
  MsgHead,
  Organisation,
  OtherReceiver,
  Patient,
  PostalAddress,
  TeleCom,
} from './msghead.types.ts';

const M = NS.msgHead;

/** Reads a CS or CV element's attributes (kith.xsd). */
export function readCoded(el: XmlElement | undefined): Coded | undefined {
  if (!el) {
    return undefined;
  }
  const { V: v, DN: dn, S: s, OT: ot } = el.attrs;
  return {
    v: v ?? '',
    ...(dn !== undefined ? { dn } : {}),
    ...(s !== undefined ? { s } : {}),
    ...(ot !== undefined ? { ot } : {}),
  };
}

const text = (el: XmlElement | undefined, name: string, ns: string = M) => childText(el, ns, name);
const coded = (el: XmlElement | undefined, name: string, ns: string = M) => readCoded(childElement(el, ns, name));

function readIdents(el: XmlElement | undefined, ns: string = M): Ident[] {
  return el
    ? childElements(el, ns, 'Ident').map((i) => ({
        id: text(i, 'Id', ns) ?? '',
        typeId: coded(i, 'TypeId', ns) ?? { v: '' },
      }))
    : [];
}

function readAddress(el: XmlElement | undefined): PostalAddress | undefined {
  if (!el) {
    return undefined;
  }
  return {
    type: coded(el, 'Type'),
    streetAdr: text(el, 'StreetAdr'),
    postalCode: text(el, 'PostalCode'),
    city: text(el, 'City'),
    postbox: text(el, 'Postbox'),
    county: coded(el, 'County'),
    country: coded(el, 'Country'),
  };
}

function readTeleCom(el: XmlElement | undefined): TeleCom[] | undefined {
  const list = el ? childElements(el, M, 'TeleCom') : [];
  return list.length === 0
    ? undefined
    : list.map((t) => ({
        typeTelecom: coded(t, 'TypeTelecom'),
        teleAddress: childElement(t, M, 'TeleAddress')?.attrs.V ?? '',
      }));
}

function readHealthcareProfessional(el: XmlElement | undefined): HealthcareProfessional | undefined {
  if (!el) {
    return undefined;
  }
  return {
    typeHealthcareProfessional: coded(el, 'TypeHealthcareProfessional'),
    roleToPatient: coded(el, 'RoleToPatient'),
    familyName: text(el, 'FamilyName'),
    middleName: text(el, 'MiddleName'),
    givenName: text(el, 'GivenName'),
    idents: readIdents(el),
    teleCom: readTeleCom(el),
  };
}

function readOrganisation(el: XmlElement | undefined): Organisation {
  return {
    name: text(el, 'OrganisationName') ?? '',
    typeOrganisation: coded(el, 'TypeOrganisation'),
    idents: readIdents(el),
    address: readAddress(childElement(el, M, 'Address')),
    teleCom: readTeleCom(el),
    organisation: childElement(el, M, 'Organisation')
      ? readOrganisation(childElement(el, M, 'Organisation'))
      : undefined,
    healthcareProfessional: readHealthcareProfessional(childElement(el, M, 'HealthcareProfessional')),
  };
}

function readAddressee(el: XmlElement | undefined): Addressee {
  return { comMethod: coded(el, 'ComMethod'), organisation: readOrganisation(childElement(el, M, 'Organisation')) };
}

function readPatient(el: XmlElement | undefined): Patient | undefined {
  if (!el) {
    return undefined;
  }
  return {
    familyName: text(el, 'FamilyName'),
    middleName: text(el, 'MiddleName'),
    givenName: text(el, 'GivenName'),
    dateOfBirth: text(el, 'DateOfBirth'),
    sex: coded(el, 'Sex'),
    nationality: coded(el, 'Nationality'),
    idents: readIdents(el),
    address: readAddress(childElement(el, M, 'Address')),
    teleCom: readTeleCom(el),
  };
}

function readDocument(el: XmlElement): MsgDocument {
  const refDoc = childElement(el, M, 'RefDoc');
  const content = childElement(refDoc, M, 'Content');
  return {
    documentConnection: coded(el, 'DocumentConnection'),
    consent: coded(el, 'Consent'),
    refDoc: {
      issueDate: childElement(refDoc, M, 'IssueDate')?.attrs.V,
      msgType: coded(refDoc, 'MsgType') ?? { v: '' },
      id: text(refDoc, 'Id'),
      mimeType: text(refDoc, 'MimeType'),
      description: text(refDoc, 'Description'),
      compression: coded(refDoc, 'Compression'),
      fileReference: text(refDoc, 'FileReference'),
      content: content?.children.find(isElement),
    },
  };
}

/**
 * Reads a MsgHead v1.2 document into typed data. It never throws: on a document that failed XSD validation it
 * reads what is there and leaves the rest empty (`''`, `undefined`, `[]`), which is what the receiver needs to
 * address a negative AppRec to the sender (HIS 80415-1.1 §3.3: an AppRec mirrors the original's addresses).
 * @param root - the document's root element (`MsgHead` in the MsgHead v1.2 namespace)
 */
export function parseMsgHead(root: XmlElement): MsgHead {
  const info = childElement(root, M, 'MsgInfo');
  const conversationRef = childElement(info, M, 'ConversationRef');
  return {
    msgInfo: {
      type: coded(info, 'Type') ?? { v: '' },
      migVersion: text(info, 'MIGversion') ?? '',
      genDate: text(info, 'GenDate') ?? '',
      msgId: text(info, 'MsgId') ?? '',
      processingStatus: coded(info, 'ProcessingStatus'),
      requestedPriority: coded(info, 'RequestedPriority'),
      ack: coded(info, 'Ack'),
      conversationRef: conversationRef
        ? {
            refToParent: text(conversationRef, 'RefToParent') ?? '',
            refToConversation: text(conversationRef, 'RefToConversation') ?? '',
          }
        : undefined,
      sender: readAddressee(childElement(info, M, 'Sender')),
      receiver: readAddressee(childElement(info, M, 'Receiver')),
      otherReceivers: childElements(info ?? root, M, 'OtherReceiver')
        .filter((o) => childElement(o, M, 'Organisation'))
        .map((o): OtherReceiver => ({ ...readAddressee(o), roleReceiver: coded(o, 'RoleReceiver') ?? { v: '' } })),
      patient: readPatient(childElement(info, M, 'Patient')),
    },
    documents: childElements(root, M, 'Document').map(readDocument),
  };
}

/** True when the root element is a MsgHead v1.2 envelope. */
export function isMsgHead(root: XmlElement): boolean {
  return root.ns === M && root.name === 'MsgHead';
}

/** The HER-id among identifiers (TypeId V="HER", code list 9051), if any. */
export function herIdOf(idents: Ident[]): string | undefined {
  return idents.find((i) => i.typeId.v === 'HER' && i.id !== '')?.id;
}

/**
 * The HER-ids of an addressee: the organisation's (level 1) and the communication party's (level 2: the service,
 * or a person such as a GP), as HIS 1153-2 §4.3 requires both (AD2.2–AD2.7).
 */
export function addresseeHerIds(a: Addressee): { organisation?: string; party?: string; partyName?: string } {
  const org = a.organisation;
  const level2 = org.organisation ?? org.healthcareProfessional;
  const partyHerId = level2 ? herIdOf(level2.idents) : undefined;
  const partyName = org.organisation
    ? org.organisation.name
    : org.healthcareProfessional
      ? [org.healthcareProfessional.givenName, org.healthcareProfessional.familyName].filter(Boolean).join(' ')
      : undefined;
  return {
    ...(herIdOf(org.idents) ? { organisation: herIdOf(org.idents) } : {}),
    ...(partyHerId ? { party: partyHerId } : {}),
    ...(partyName ? { partyName } : {}),
  };
}

/**
 * Every HER-id an addressee names, at every level: each HER `Ident` of the organisation (level 1), of each nested
 * Organisation below it (level 2, 3, …; the XSD nests without limit) and of a HealthcareProfessional at any level.
 * `addresseeHerIds` reads only the first of levels 1 and 2 (what addressing uses); a check of the whole address
 * reads this, so no HER-id that was read escapes it.
 * @param a - a Sender, Receiver or OtherReceiver
 */
export function everyHerId(a: Addressee): Array<{ herId: string; level: number }> {
  const found: Array<{ herId: string; level: number }> = [];
  const add = (idents: Ident[], level: number) => {
    for (const i of idents) {
      if (i.typeId.v === 'HER' && i.id !== '') {
        found.push({ herId: i.id, level });
      }
    }
  };
  let level = 1;
  for (let org: Organisation | undefined = a.organisation; org; org = org.organisation, level += 1) {
    add(org.idents, level);
    add(org.healthcareProfessional?.idents ?? [], level + 1);
  }
  return found;
}

/** The root element of the message's main XML document (the first `Document` with `RefDoc/MsgType V="XML"`). */
export function mainContent(m: MsgHead): XmlElement | undefined {
  return m.documents.find((d) => d.refDoc.msgType.v === 'XML' && d.refDoc.content)?.refDoc.content;
}
