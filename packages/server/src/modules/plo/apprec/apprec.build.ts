import { randomUUID } from 'node:crypto';
import { el, serializeXml, type XmlIssue, type XmlOutElement } from '../../../platform/xml/index.ts';
import {
  APPREC_ERRORS,
  APPREC_MIG_VERSION,
  APPREC_STATUS,
  NS,
  ORG_ID_TYPES,
  oid,
  type AppRecErrorCode,
} from '../codes.ts';
import { addresseeHerIds, herIdOf } from '../msghead/msghead.parse.ts';
import type { Addressee, Coded } from '../msghead/msghead.types.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { xmlDateTime } from '../xml-time.ts';
import type { AppRecParty } from './apprec.types.ts';

/** Written in every AppRec Helsebro sends (AppRec 1.1 SoftwareName/SoftwareVersion, optional). */
export const SOFTWARE = { name: 'Helsebro', version: '0.1.0' } as const;
/** Free text in `Error/@OT` is cut to this length; the full detail stays in Helsebro's own record. */
const MAX_DETAIL = 500;

export type AppRecBuildInput = {
  id?: string | undefined;
  genDate?: Date | string | undefined;
  /** '1' OK or '2' rejected (code list 8258, HIS 80415-1.1 §6.2). */
  status: '1' | '2';
  /** Code list 8221 errors; at least one when rejected, none when OK (HIS 80415-1.1 §6.3). */
  errors?: Array<{ code: AppRecErrorCode; detail?: string | undefined }> | undefined;
  /** The receipt's sender: the receiving party of the original message, as PRIM or COP (HITS 1168 §6.2). */
  sender: AppRecParty;
  senderRole: 'PRIM' | 'COP';
  /** The receipt's receiver: the original message's sender (role AVS). */
  receiver: AppRecParty;
  /** The original message: its MsgInfo/Type, GenDate and MsgId (AppRec 1.1 OriginalMsgId). */
  original: { type: Coded; genDate: string; msgId: string };
};

/**
 * An address in MsgHead mapped to AppRec, copying what was there (HITS 1168 §11): the level-1 Organisation becomes
 * `Inst`, a level-2 Organisation `Dept`, a level-2 HealthcareProfessional with a HER-id `HCPerson`. A signing or
 * responsible person identified by HPR number is not mapped.
 * @param a - the Sender or Receiver of the original MsgHead
 */
export function appRecPartyOf(a: Addressee): AppRecParty {
  const org = a.organisation;
  const hcp = org.organisation ? undefined : org.healthcareProfessional;
  const hcpHerId = hcp ? herIdOf(hcp.idents) : undefined;
  return {
    inst: { name: org.name, herId: herIdOf(org.idents) },
    ...(org.organisation ? { dept: { name: org.organisation.name, herId: herIdOf(org.organisation.idents) } } : {}),
    ...(hcp && hcpHerId ? { hcPerson: { name: addresseeHerIds(a).partyName ?? '', herId: hcpHerId } } : {}),
  };
}

const herType = () => el('TypeId', { V: 'HER', DN: ORG_ID_TYPES.HER });

function hcp(p: AppRecParty): XmlOutElement {
  return el(
    'HCP',
    {},
    el(
      'Inst',
      {},
      el('Name', {}, p.inst.name),
      p.inst.herId !== undefined && [el('Id', {}, p.inst.herId), herType()],
      p.dept !== undefined &&
        el(
          'Dept',
          {},
          el('Name', {}, p.dept.name),
          p.dept.herId !== undefined && [el('Id', {}, p.dept.herId), herType()],
        ),
      p.hcPerson !== undefined &&
        el('HCPerson', {}, el('Name', {}, p.hcPerson.name), el('Id', {}, p.hcPerson.herId), herType()),
    ),
  );
}

/** The AppRec Helsebro built did not validate (a bug: inputs come from a message that was read). */
export class AppRecBuildError extends Error {
  override name = 'AppRecBuildError';
  constructor(readonly issues: XmlIssue[]) {
    super(`The AppRec built does not validate: ${issues.map((i) => i.message).join('; ')}`);
  }
}

/**
 * Builds an AppRec 1.1 and validates it against the official XSD before returning it. TypeId in AppRec is a CS
 * (no `S`), unlike MsgHead's CV (plo-messaging.md §5.1).
 * @param input - status, errors, the mirrored addresses and the original message's identity
 * @throws Error when status and errors disagree; AppRecBuildError when the result does not validate
 */
export function buildAppRec(input: AppRecBuildInput): { xml: string; id: string; genDate: string } {
  const errors = input.errors ?? [];
  if ((input.status === '2') !== errors.length > 0) {
    throw new Error('An AppRec has errors exactly when it is a rejection (status 2)');
  }
  const id = input.id ?? randomUUID();
  const genDate = xmlDateTime(input.genDate ?? new Date());
  const root = el(
    'AppRec',
    { xmlns: NS.appRec11 },
    el('MsgType', { V: 'APPREC', DN: 'Applikasjonskvittering' }),
    el('MIGversion', {}, APPREC_MIG_VERSION),
    el('SoftwareName', {}, SOFTWARE.name),
    el('SoftwareVersion', {}, SOFTWARE.version),
    el('GenDate', {}, genDate),
    el('Id', {}, id),
    el(
      'Sender',
      {},
      el('Role', { V: input.senderRole, DN: input.senderRole === 'PRIM' ? 'Primærmottaker' : 'Kopimottaker' }),
      hcp(input.sender),
    ),
    el('Receiver', {}, el('Role', { V: 'AVS', DN: 'Avsender' }), hcp(input.receiver)),
    el('Status', { V: input.status, DN: APPREC_STATUS[input.status] }),
    errors.map((e) =>
      el('Error', {
        V: e.code,
        S: oid(8221),
        DN: APPREC_ERRORS[e.code],
        OT: e.detail !== undefined ? e.detail.slice(0, MAX_DETAIL) : undefined,
      }),
    ),
    el(
      'OriginalMsgId',
      {},
      el('MsgType', { V: input.original.type.v, DN: input.original.type.dn }),
      el('IssueDate', {}, input.original.genDate),
      el('Id', {}, input.original.msgId),
    ),
  );
  const xml = serializeXml(root);
  const outcome = ploSchemaSet().validate(Buffer.from(xml, 'utf8'), { treeDepth: 0 });
  if (!outcome.wellFormed || !outcome.valid) {
    throw new AppRecBuildError(outcome.issues);
  }
  return { xml, id, genDate };
}
