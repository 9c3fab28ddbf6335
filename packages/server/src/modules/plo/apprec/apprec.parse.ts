import { childElement, childElements, childText, type XmlElement } from '../../../platform/xml/index.ts';
import { NS } from '../codes.ts';
import type { AppRec, AppRecParty } from './apprec.types.ts';

/** True when the root element is an AppRec 1.0 or 1.1. */
export function isAppRec(root: XmlElement): boolean {
  return root.name === 'AppRec' && (root.ns === NS.appRec11 || root.ns === NS.appRec10);
}

function party(el: XmlElement | undefined, ns: string): AppRecParty {
  const inst = childElement(childElement(el, ns, 'HCP'), ns, 'Inst');
  const dept = childElement(inst, ns, 'Dept');
  const person = childElement(inst, ns, 'HCPerson');
  const herOf = (x: XmlElement | undefined) =>
    childElement(x, ns, 'TypeId')?.attrs.V === 'HER' ? childText(x, ns, 'Id') : undefined;
  return {
    inst: { name: childText(inst, ns, 'Name') ?? '', herId: herOf(inst) },
    ...(dept ? { dept: { name: childText(dept, ns, 'Name') ?? '', herId: herOf(dept) } } : {}),
    ...(person && herOf(person)
      ? { hcPerson: { name: childText(person, ns, 'Name') ?? '', herId: herOf(person)! } }
      : {}),
  };
}

/**
 * Reads an AppRec 1.0 or 1.1 (the two are structurally identical, HIS 80415-1.1 §4; plo-messaging.md §5.1).
 * Like `parseMsgHead`, it never throws; fields missing from an invalid document are left empty.
 * @param root - the AppRec root element
 */
export function parseAppRec(root: XmlElement): AppRec {
  const ns = root.ns;
  const original = childElement(root, ns, 'OriginalMsgId');
  return {
    version: ns === NS.appRec10 ? '1.0' : '1.1',
    id: childText(root, ns, 'Id') ?? '',
    genDate: childText(root, ns, 'GenDate') ?? '',
    migVersion: childText(root, ns, 'MIGversion') ?? '',
    softwareName: childText(root, ns, 'SoftwareName'),
    softwareVersion: childText(root, ns, 'SoftwareVersion'),
    senderRole: childElement(childElement(root, ns, 'Sender'), ns, 'Role')?.attrs.V,
    sender: party(childElement(root, ns, 'Sender'), ns),
    receiver: party(childElement(root, ns, 'Receiver'), ns),
    status: childElement(root, ns, 'Status')?.attrs.V ?? '',
    errors: childElements(root, ns, 'Error').map((e) => ({
      code: e.attrs.V ?? '',
      text: e.attrs.DN ?? '',
      ...(e.attrs.OT !== undefined ? { detail: e.attrs.OT } : {}),
    })),
    original: {
      msgType: childElement(original, ns, 'MsgType')?.attrs.V ?? '',
      msgTypeDn: childElement(original, ns, 'MsgType')?.attrs.DN,
      issueDate: childText(original, ns, 'IssueDate') ?? '',
      id: childText(original, ns, 'Id') ?? '',
    },
  };
}
