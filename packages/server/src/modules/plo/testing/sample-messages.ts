import type { PartyAddress, PatientInput } from '../msghead/msghead.build.ts';
import type { BuildableType, OutgoingMessageInput } from '../msghead/message.build.ts';

/**
 * One filled-in message of every type Helsebro builds, for tests and the benchmark. The persons are synthetic
 * (identity numbers with month + 80), the parties the demo's.
 */
export const DEMO_HOSPITAL_SOMATIC: PartyAddress = {
  organisation: { name: 'Fjordvik sykehus HF', herId: '9900001000', orgNumber: '921000057' },
  service: { name: 'Somatikk plo meldingsmottak', herId: '9900001001' },
};
export const DEMO_FJORDVIK_HOME_NURSING: PartyAddress = {
  organisation: { name: 'Fjordvik kommune', herId: '9900002000', orgNumber: '921000014' },
  service: { name: 'Sykepleietjeneste, pleie- og omsorg', herId: '9900002001' },
};
export const DEMO_FJORDVIK_ALLOCATION: PartyAddress = {
  organisation: { name: 'Fjordvik kommune', herId: '9900002000', orgNumber: '921000014' },
  service: { name: 'Saksbehandler, pleie, omsorg, rehab', herId: '9900002002' },
};

/** A synthetic patient (born 1938-03-14, month + 80 in the number). */
export const SAMPLE_PATIENT: PatientInput = {
  familyName: 'Nordmann',
  givenName: 'Olav',
  nin: '14833800095',
  idType: 'FNR',
  dateOfBirth: '1938-03-14',
  sex: '1',
  address: { streetAdr: 'Fjordveien 3', postalCode: '9990', city: 'Fjordvik' },
};

const nurse = {
  type: { v: 'SP', dn: 'Sykepleier' },
  familyName: 'Sykepleier',
  givenName: 'Siri',
  hprNumber: '1234567',
};
const contact = { name: 'Ortopedisk sengepost', herId: '9900001001', phone: '+47 73 00 00 00' };
const question = {
  kind: { v: '8', dn: 'Status/plan for utskrivning' },
  question: 'Når er pasienten ventet utskrevet?',
};

type Envelope = { sender?: PartyAddress; receiver?: PartyAddress; patient?: PatientInput; msgId?: string };

/**
 * A valid input for `buildMessage` of the given type; hospital → municipality unless the standard's direction is
 * the other way (INNLEGGELSESRAPPORT, and the answer to a question).
 * @param type - the message type
 * @param over - envelope fields to override
 */
export function sampleMessage(type: BuildableType, over: Envelope = {}): OutgoingMessageInput {
  // The GP-facing types (HELSEOPPLYSNINGER_LEGE, ORIENTERING_TJENESTETILBUD) go municipality → hospital here: the
  // demo register has no GP office, and the builders do not care who receives.
  const toMunicipality = ![
    'INNLEGGELSESRAPPORT',
    'DIALOG_SVAR',
    'HELSEOPPLYSNINGER_LEGE',
    'ORIENTERING_TJENESTETILBUD',
  ].includes(type);
  const base = {
    sender: over.sender ?? (toMunicipality ? DEMO_HOSPITAL_SOMATIC : DEMO_FJORDVIK_HOME_NURSING),
    receiver:
      over.receiver ??
      (toMunicipality
        ? type === 'LOG_UTSKRIVNINGSKLAR' || type === 'LOG_AVMELDING' || type === 'HELSEOPPL_SOKNAD'
          ? DEMO_FJORDVIK_ALLOCATION
          : DEMO_FJORDVIK_HOME_NURSING
        : DEMO_HOSPITAL_SOMATIC),
    patient: over.patient ?? SAMPLE_PATIENT,
    ...(over.msgId ? { msgId: over.msgId } : {}),
    genDate: new Date('2025-01-15T09:11:54Z'),
  };
  const admitted = { at: '2025-01-15T10:00:00+01:00', description: 'Innlagt ved ortopedisk avdeling' };
  switch (type) {
    case 'LOG_INNLAGT':
      return { ...base, type, content: { contactUnit: contact, responsible: nurse, admitted } };
    case 'LOG_UTSKRIVNINGSKLAR':
      return {
        ...base,
        type,
        content: { contactUnit: contact, admitted, readyForDischarge: { at: '2025-01-20', estimate: true } },
      };
    case 'LOG_AVMELDING':
      return { ...base, type, content: { admitted, notReadyFrom: { at: '2025-01-19' } } };
    case 'LOG_UTSKREVET':
      return {
        ...base,
        type,
        content: {
          discharged: { at: '2025-01-21T12:00:00+01:00' },
          dischargedTo: { v: '1', dn: 'Bosted/arbeidssted' },
          condition: { v: '1', dn: 'Som levende' },
        },
      };
    case 'LOG_DOD':
      return { ...base, type, content: { died: { at: '2025-01-22T03:10:00+01:00' } } };
    case 'INNLEGGELSESRAPPORT':
      return {
        ...base,
        type,
        content: {
          responsible: nurse,
          diagnoses: [{ main: true, code: { v: 'I50', dn: 'Hjertesvikt', codeList: 7110 } }],
          notes: [
            {
              heading: { v: 'AAI', dn: 'Årsak til innleggelse', codeList: 9142 },
              text: 'Brystsmerter & dyspné <akutt>.',
            },
          ],
        },
      };
    case 'UTSKRIVNINGSRAPPORT':
      return {
        ...base,
        type,
        content: {
          status: 'N',
          contactUnit: contact,
          admitted,
          discharged: { at: '2025-01-21T12:00:00+01:00' },
          notes: [
            {
              heading: { v: 'OP', dn: 'Planer for videre oppfølging', codeList: 9142 },
              text: 'Tilsyn av hjemmesykepleien.',
            },
          ],
        },
      };
    case 'DIALOG_FORESPORSEL':
      return { ...base, type, content: { question, author: { ...nurse, phone: '73 00 00 01' } } };
    case 'DIALOG_SVAR':
      return {
        ...base,
        type,
        conversationRef: {
          refToParent: 'b088a160-0698-11e8-b566-0800200c9a66',
          refToConversation: 'b088a160-0698-11e8-b566-0800200c9a66',
        },
        content: { answer: 'Ventet utskrevet 20. januar.', question, author: nurse },
      };
    case 'HELSEOPPL_SOKNAD':
      return {
        ...base,
        type,
        content: {
          kind: 'notice',
          contactUnit: contact,
          responsible: nurse,
          stay: [admitted, { at: '2025-01-20', estimate: true, description: 'Forventet utskrivningsklar' }],
          diagnoses: [{ main: true, code: { v: 'S72.0', dn: 'Lårhalsbrudd', codeList: 7110 } }],
          notes: [{ heading: { v: '1', dn: 'Pasientens status', codeList: 9145 }, text: 'Mobiliseres med prekestol.' }],
          servicesNeeded: [{ name: 'Hjemmesykepleie', description: 'Hjelp til morgenstell og medisiner.' }],
        },
      };
    case 'HELSEOPPLYSNINGER_LEGE':
      return {
        ...base,
        type,
        content: {
          responsible: nurse,
          notes: [{ heading: { v: 'SP', dn: 'Sykepleie', codeList: 9141 }, text: 'Økende ødemer siste uke.' }],
        },
      };
    case 'MEDISINSKE_OPPLYSNINGER':
      return {
        ...base,
        type,
        content: {
          patientApplied: false,
          diagnoses: [{ main: true, code: { v: 'K77', dn: 'Hjertesvikt', codeList: 7170 } }],
          notes: [{ text: 'Furosemid 40 mg x 1.' }],
        },
      };
    case 'ORIENTERING_TJENESTETILBUD':
      return {
        ...base,
        type,
        content: {
          services: [
            {
              name: 'Hjemmesykepleie',
              private: false,
              providedBy: 'Fjordvik kommune',
              amount: 7,
              unit: 'besøk per uke',
              from: '2025-01-22',
            },
          ],
        },
      };
    case 'DIALOG_AVVIK':
      return {
        ...base,
        type,
        conversationRef: {
          refToParent: 'b088a160-0698-11e8-b566-0800200c9a66',
          refToConversation: 'b088a160-0698-11e8-b566-0800200c9a66',
        },
        // 8117's values are not in the domain notes (plo-messaging.md §3.3); the schema takes any CV.
        content: {
          topic: { v: '1', dn: 'Feil i mottatt melding' },
          text: 'Meldingen manglet kontaktperson.',
          aboutMsgId: 'b088a160-0698-11e8-b566-0800200c9a66',
          author: nurse,
        },
      };
    case 'DIALOG_NOTAT':
      return {
        ...base,
        type,
        content: {
          topic: { v: '1', dn: 'Tilbakemelding på mottak av utskrivningsklar pasient', codeList: 9069 },
          text: 'Kommunen tar imot pasienten 20. januar.',
          date: '2025-01-16',
        },
      };
    case 'DIALOG_HELSEFAGLIG':
      return {
        ...base,
        type,
        content: {
          topic: { v: '6', dn: 'Henvendelse om pasient' },
          subject: 'Sårstell',
          text: 'Trenger daglig sårstell.',
        },
      };
  }
}
