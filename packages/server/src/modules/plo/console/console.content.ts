import type { PloConsoleContent, PloContentField, PloContentSection } from '@helsebro/contracts';
import { childElement, childElements, textOf, type XmlElement } from '../../../platform/xml/index.ts';
import { NS } from '../codes.ts';
import type { MsgHead } from '../msghead/msghead.types.ts';
import { mainContent } from '../msghead/msghead.parse.ts';

/**
 * The readable view of a message's content: for Pasientlogistikk (HIS 1149) and Dialogmelding (HIS 1152, HIS 1077)
 * the fields a message handler acts on, read by the standards' element names; for the other PLO 1.6 documents their
 * common header (InformasjonOmForsendelsen, TilknyttetEnhet, AnsvarForRapport; HIS 80704 §5) and the rest as a
 * generic label/value tree. Pure: no I/O, so it is tested on the official examples.
 */

const PO = NS.poKomponent;
const FK1 = NS.felleskomponent1;
/** Bounds of the generic tree: a hostile or huge document cannot make the answer unbounded. */
const MAX_NODES = 600;
const MAX_DEPTH = 12;
const LONG_TEXT = 80;

type Budget = { nodes: number };

const field = (key: string | null, label: string, value: string | undefined, kind: PloContentField['kind'] = 'text') =>
  value === undefined || value.trim() === '' ? [] : [{ key, label, value: value.trim(), kind }];

const section = (
  key: string | null,
  label: string,
  fields: PloContentField[],
  sections: PloContentSection[] = [],
): PloContentSection[] => (fields.length === 0 && sections.length === 0 ? [] : [{ key, label, fields, sections }]);

/** A child element in any of the namespaces (poKomponent content mixes its own and felleskomponent1's). */
function child(el: XmlElement | undefined, name: string, ...ns: string[]): XmlElement | undefined {
  for (const n of ns) {
    const found = childElement(el, n, name);
    if (found) {
      return found;
    }
  }
  return undefined;
}

const text = (el: XmlElement | undefined, name: string, ...ns: string[]) => {
  const t = textOf(child(el, name, ...ns))?.trim();
  return t === '' ? undefined : t;
};
/** A KITH CS/CV value as shown: its display name, else its code. */
const coded = (el: XmlElement | undefined, name: string, ...ns: string[]) => {
  const c = child(el, name, ...ns);
  return c ? (c.attrs.DN ?? c.attrs.V) : undefined;
};
const timeKind = (v: string): PloContentField['kind'] => (v.includes('T') ? 'dateTime' : 'date');
const phoneOf = (el: XmlElement | undefined, ns: string) =>
  child(childElement(el, ns, 'TeleCom'), 'TeleAddress', ns, FK1)?.attrs.V?.replace(/^tel:/, '');

function personFields(p: XmlElement | undefined, ns: string): PloContentField[] {
  if (!p) {
    return [];
  }
  const name = [text(p, 'GivenName', ns, FK1), text(p, 'FamilyName', ns, FK1)].filter(Boolean).join(' ');
  return [
    ...field('name', 'Navn', name),
    ...field('profession', 'Yrke', coded(p, 'TypeHealthcareProfessional', ns, FK1)),
    ...field('roleToPatient', 'Rolle', coded(p, 'RoleToPatient', ns, FK1)),
    ...field('phone', 'Telefon', phoneOf(p, ns) ?? phoneOf(p, FK1)),
  ];
}

/**
 * The PLO 1.6 header every document carries (poKomponent: TilknyttetEnhet, AnsvarForRapport). Its
 * InformasjonOmForsendelsen (N/M/C) is stored with the message and shown beside the content, not in it.
 */
function ploHeader(root: XmlElement): PloContentSection[] {
  const unit = childElement(childElement(root, PO, 'TilknyttetEnhet'), PO, 'Kontaktenhet');
  const responsible = childElement(childElement(root, PO, 'AnsvarForRapport'), PO, 'AnsvarligRapport');
  return [
    ...section('contactUnit', 'Kontaktenhet', [
      ...field('name', 'Navn', text(unit, 'OrganisationName', FK1, PO)),
      ...field('phone', 'Telefon', phoneOf(unit, FK1)),
    ]),
    ...section('responsible', 'Ansvarlig for rapporten', personFields(responsible, FK1)),
  ];
}

const HEADER_NAMES = new Set(['InformasjonOmForsendelsen', 'TilknyttetEnhet', 'AnsvarForRapport']);

/** One TidsfestetHendelse (HIS 80704 §13.2): its code names it, with time, estimate, description and remark. */
function timedEvent(e: XmlElement): PloContentSection[] {
  const code = childElement(e, PO, 'Hendelsekode');
  const at = childElement(e, PO, 'TidspunktForHendelse')?.attrs.V;
  const estimate = text(e, 'Anslag', PO);
  return section(code?.attrs.V ? `event.${code.attrs.V}` : null, code?.attrs.DN ?? 'Hendelse', [
    ...(at ? field('time', 'Tidspunkt', at, timeKind(at)) : []),
    ...field('estimate', 'Anslag', estimate === undefined ? undefined : String(estimate === 'true'), 'flag'),
    ...field('description', 'Beskrivelse', text(e, 'BeskrivelseAvHendelse', PO), 'longText'),
    ...field('remark', 'Merknad', text(e, 'Merknad', PO), 'longText'),
  ]);
}

/** Pasientlogistikk (HIS 1149 §3): the header, then the events of the one message element. */
function pasientlogistikk(root: XmlElement): PloContentSection[] {
  const message = childElements(root, NS.pasientlogistikk)[0];
  const out = childElement(message, PO, 'UtskrevetTil');
  return [
    ...ploHeader(root),
    ...section('dischargedTo', 'Utskrevet til', [
      ...field('condition', 'Tilstand', coded(out, 'Uttilstand', PO)),
      ...field('destination', 'Til', coded(out, 'UtTil', PO)),
    ]),
    ...(message ? childElements(message, PO, 'TidsfestetHendelse').flatMap(timedEvent) : []),
  ];
}

/** Dialogmelding 1.0/1.1: a Foresporsel (question) or a Notat (note, answer), and who wrote it (HIS 1152 §4; HIS 1077 §5). */
function dialogmelding(root: XmlElement): PloContentSection[] {
  const ns = root.ns;
  const question = (q: XmlElement | undefined) =>
    section('question', 'Forespørsel', [
      ...field('questionKind', 'Type forespørsel', coded(q, 'TypeForesp', ns)),
      ...field('question', 'Spørsmål', text(q, 'Sporsmal', ns), 'longText'),
      ...field('reason', 'Begrunnelse', text(q, 'Begrunnelse', ns), 'longText'),
    ]);
  const author = (parent: XmlElement | undefined) => {
    const roles = childElement(parent, ns, 'RollerRelatertNotat');
    const hp = childElement(roles, ns, 'HealthcareProfessional');
    return section('author', 'Avsender', [
      ...personFields(hp, ns),
      ...field('roleToPatient', 'Rolle', coded(roles, 'RoleToPatient', ns)),
    ]);
  };
  return [
    ...childElements(root, ns, 'Foresporsel').flatMap((q) => [...question(q), ...author(q)]),
    ...childElements(root, ns, 'Notat').flatMap((n) =>
      section(
        'note',
        'Notat',
        [
          ...field('topic', 'Tema', coded(n, 'TemaKodet', ns)),
          ...field('subject', 'Emne', text(n, 'Tema', ns)),
          ...field('text', 'Tekst', text(n, 'TekstNotatInnhold', ns), 'longText'),
        ],
        [...question(childElement(n, ns, 'Foresporsel')), ...author(n)],
      ),
    ),
  ];
}

/** `TidspunktForHendelse` → "Tidspunkt for hendelse": an element's name made readable for the generic tree. */
export function humanizeElementName(name: string): string {
  const words = name
    .replace(/([a-zæøå0-9])([A-ZÆØÅ])/g, '$1 $2')
    .replace(/([A-ZÆØÅ])([A-ZÆØÅ][a-zæøå])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The EPJ information category a journal note carries (`m1:informasjonskategori`, e.g. "Cave/allergier"). */
function categoryOf(el: XmlElement): string | undefined {
  const key = Object.keys(el.attrs).find((k) => k.endsWith('}informasjonskategori'));
  return key ? el.attrs[key] : undefined;
}

/**
 * Shapes the reports repeat, read as one value each: a journal text (EPJ 2, Journaltekst: its heading code from
 * 9142/9143 as the label, Notat as the text) and a diagnosis (poKomponent MedisinskDiagnose: code and name, main or not).
 */
function knownPattern(el: XmlElement): PloContentField[] | undefined {
  const named = (name: string) => childElements(el).find((c) => c.name === name);
  if (el.name === 'Journaltekst' && named('Notat')) {
    return field(null, named('Overskriftskode')?.attrs.DN ?? 'Notat', textOf(named('Notat')), 'longText');
  }
  const code = named('Diagnosekode');
  if (el.name === 'MedisinskDiagnose' && code) {
    const main = textOf(named('Hoveddiagnose'))?.trim() === 'true';
    const value = [code.attrs.DN, code.attrs.V ? `(${code.attrs.V})` : undefined].filter(Boolean).join(' ');
    return field(null, main ? 'Hoveddiagnose' : 'Diagnose', value);
  }
  return undefined;
}

/**
 * Every element as a label/value tree: a leaf's value is its text, or its coded value's display name or code.
 * Attachment containers are left out (described beside the content instead).
 */
export function genericTree(el: XmlElement, budget: Budget = { nodes: 0 }, depth = 0): PloContentSection {
  const fields: PloContentField[] = [];
  const sections: PloContentSection[] = [];
  for (const c of childElements(el)) {
    if (budget.nodes >= MAX_NODES || depth >= MAX_DEPTH || c.name === 'Base64Container') {
      continue;
    }
    budget.nodes += 1;
    const known = knownPattern(c);
    if (known) {
      fields.push(...known);
      continue;
    }
    const label = categoryOf(c) ?? humanizeElementName(c.name);
    if (childElements(c).length === 0) {
      const t = textOf(c)?.trim();
      const value = t || c.attrs.DN || c.attrs.V || '';
      const kind =
        t && t.length > LONG_TEXT
          ? 'longText'
          : /^\d{4}-\d{2}-\d{2}/.test(value)
            ? timeKind(value)
            : value === 'true' || value === 'false'
              ? 'flag'
              : 'text';
      fields.push(...field(null, label, value, kind));
    } else {
      sections.push(genericTree(c, budget, depth + 1));
      sections[sections.length - 1]!.label = label;
    }
  }
  return { key: null, label: humanizeElementName(el.name), fields, sections };
}

/** A PLO document other than Pasientlogistikk: its header, then the rest of it as a tree. */
function otherPlo(root: XmlElement): PloContentSection[] {
  const rest = { ...root, children: childElements(root).filter((c) => !(c.ns === PO && HEADER_NAMES.has(c.name))) };
  const tree = genericTree(rest);
  return [...ploHeader(root), ...section('details', 'Innhold', tree.fields, tree.sections)];
}

/**
 * The readable content of a parsed message.
 * @param m - the parsed MsgHead, with its content elements copied out in full
 */
export function renderContent(m: MsgHead | null): PloConsoleContent {
  const attachments = (m?.documents ?? [])
    .filter((d) => d.refDoc.msgType.v === 'A')
    .map((d) => ({ mimeType: d.refDoc.mimeType ?? null, description: d.refDoc.description ?? null }));
  const root = m ? mainContent(m) : undefined;
  if (!root) {
    return { rendering: 'none', sections: [], attachments };
  }
  if (root.ns === NS.pasientlogistikk) {
    return { rendering: 'structured', sections: pasientlogistikk(root), attachments };
  }
  if (root.ns === NS.dialog10 || root.ns === NS.dialog11) {
    return { rendering: 'structured', sections: dialogmelding(root), attachments };
  }
  if (childElement(root, PO, 'InformasjonOmForsendelsen')) {
    return { rendering: 'structured', sections: otherPlo(root), attachments };
  }
  const tree = genericTree(root);
  return { rendering: 'generic', sections: [{ ...tree, key: null }], attachments };
}
