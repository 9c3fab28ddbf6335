import { randomUUID } from 'node:crypto';
import { el, type XmlOut, type XmlOutElement } from '../../../../platform/xml/index.ts';
import { NS, oid } from '../../codes.ts';
import { ploHeader, ploRootAttrs, timedEvent, type EventInput, type PloCommonInput } from './plo-common.ts';

/**
 * Innleggelsesrapport (HIS 1143) and Utskrivningsrapport / Tverrfaglig epikrise (HIS 1148), PLO v1.6. Both are
 * large documents; Helsebro builds the parts its forms fill in: diagnoses and headed journal notes (the EPJ
 * fragment `GenereltJournalnotat`, `EPJ-journalnotat-mv.xsd`), plus the stay's dates for the discharge report.
 */

/** A diagnosis; `codeList` is the Volven list of the code, e.g. 7110 (ICD-10) or 7170 (ICPC-2). */
export type DiagnosisInput = {
  code?: { v: string; dn: string; codeList: number } | undefined;
  description?: string | undefined;
  main?: boolean | undefined;
};

/**
 * A journal note; headings come from code list 9141 (nursing) or 9142 (medical), e.g. 9142 AAI Årsak til innleggelse,
 * or 9145 for Helseopplysninger (1 Pasientens status, 2 Antatt forløp; HIS 1144 §4.3).
 */
export type NoteInput = {
  heading?: { v: string; dn: string; codeList: 9141 | 9142 | 9143 | 9145 } | undefined;
  text: string;
};

export type InnleggelsesrapportInput = PloCommonInput & {
  diagnoses?: DiagnosisInput[] | undefined;
  notes?: NoteInput[] | undefined;
};

export type UtskrivningsrapportInput = PloCommonInput & {
  admitted: EventInput;
  discharged: EventInput;
  diagnoses?: DiagnosisInput[] | undefined;
  notes?: NoteInput[] | undefined;
};

export function diagnoses(list: DiagnosisInput[] | undefined): XmlOut {
  return (
    list !== undefined &&
    list.length > 0 &&
    el(
      'InfoMedisinskDiagnose',
      {},
      list.map((d) =>
        el(
          'MedisinskDiagnose',
          {},
          d.main !== undefined && el('Hoveddiagnose', {}, String(d.main)),
          d.code !== undefined && el('Diagnosekode', { V: d.code.v, DN: d.code.dn, S: oid(d.code.codeList) }),
          d.description !== undefined && el('DiagnoseBeskrivelse', {}, d.description),
        ),
      ),
    )
  );
}

/**
 * MedisinskfagligeOpplysninger with one GenereltJournalnotat holding the notes. The EPJ metadata attributes are
 * required by the schema, with fixed values (EPJ-journalnotat-mv.xsd; EPJ-meta.xsd `meta1`: komponentID).
 */
export function notes(list: NoteInput[] | undefined): XmlOut {
  return (
    list !== undefined &&
    list.length > 0 &&
    el(
      'MedisinskfagligeOpplysninger',
      {},
      el(
        'epj2:GenereltJournalnotat',
        {
          'xmlns:epj2': NS.epj2,
          'xmlns:m1': NS.epjMeta,
          komponentID: randomUUID(),
          'm1:basiskomponenttype': 'EPJ dokument',
          'm1:komponenttype': '2.16.578.1.12.4.1.6.13.11009.0',
          'm1:informasjonskategori': 'Andre notater',
        },
        list.map((n) =>
          el(
            'epj2:Journaltekst',
            {},
            n.heading !== undefined &&
              el('epj2:Overskriftskode', { V: n.heading.v, DN: n.heading.dn, S: oid(n.heading.codeList) }),
            el('epj2:Notat', {}, n.text),
          ),
        ),
      ),
    )
  );
}

/** INNLEGGELSESRAPPORT content: the municipality's report when its patient is admitted (HIS 1143). */
export function innleggelsesrapport(input: InnleggelsesrapportInput): XmlOutElement {
  return el(
    'p7:Innleggelsesrapport',
    ploRootAttrs('p7', NS.innleggelsesrapport),
    ...ploHeader(input),
    diagnoses(input.diagnoses),
    notes(input.notes),
  );
}

/**
 * UTSKRIVNINGSRAPPORT content (TverrfagligEpikrise root): TypeInnholdIMelding is required; code list 9139,
 * value 11 "Utskrivningsrapport" as in the official example. The stay's dates go in OpplysningOpphold.
 */
export function utskrivningsrapport(input: UtskrivningsrapportInput): XmlOutElement {
  return el(
    'p8:TverrfagligEpikrise',
    ploRootAttrs('p8', NS.tverrfagligEpikrise),
    ...ploHeader(input),
    el('TypeInnholdIMelding', {}, el('TypeInnhold', { V: '11', DN: 'Utskrivningsrapport', S: oid(9139) })),
    el(
      'OpplysningOpphold',
      {},
      timedEvent(undefined, { ...input.admitted, description: input.admitted.description ?? 'Innlagt dato' }),
    ),
    el(
      'OpplysningOpphold',
      {},
      timedEvent(undefined, { ...input.discharged, description: input.discharged.description ?? 'Utskrevet dato' }),
    ),
    diagnoses(input.diagnoses),
    notes(input.notes),
  );
}
