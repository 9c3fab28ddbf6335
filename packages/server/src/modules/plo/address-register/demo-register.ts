import type { PloCapability, PloPartyInput } from '@helsebro/contracts';

/**
 * The demo's address register: a synthetic hospital with PLO reception services for somatic and psychiatric care,
 * and the receiving services of the two demo municipalities (home nursing and the allocation office), named as
 * ehelse.no's addressing note asks (plo-messaging.md §4, "Addressing summary").
 *
 * HER-ids: ten digits from 9 900 000 000. A real HER-id can never be that large: the national address register
 * hands them out as running numbers and its clients carry them as 32-bit integers (Helsenorge.Messaging's
 * `CommunicationPartyDetails.HerId` is an `int`, at most 2 147 483 647), so these can never collide with a real
 * party. They are strings everywhere in Helsebro, so their size costs nothing. 99… also matches the demo
 * municipalities' numbers (9901, 9902), which no real municipality uses.
 */
export const DEMO_HOSPITAL_HER_ID = '9900001000';

/**
 * The synthetic hospital's bearer token for `POST /edi/v1/messages` in the demo. Public on purpose (README,
 * "Receiving PLO messages"); only its SHA-256 is stored. Never seed demo data into a real installation.
 */
export const DEMO_HOSPITAL_TOKEN = 'hb-demo-fjordvik-sykehus-7f3c9a2e4b1d8f60';

const cap = (messageType: PloCapability['messageType'], version: PloCapability['versions'][number]): PloCapability => ({
  messageType,
  versions: [version],
});

const DIALOG: PloCapability[] = [
  cap('DIALOG_FORESPORSEL', '1.0'),
  cap('DIALOG_SVAR', '1.0'),
  cap('DIALOG_AVVIK', '1.0'),
  cap('DIALOG_NOTAT', '1.0'),
  cap('DIALOG_HELSEFAGLIG', '1.1'),
];

/** What the hospital's reception services receive from municipalities (HIS 1143; HIS 1149 §3). */
const HOSPITAL_RECEIVES: PloCapability[] = [cap('INNLEGGELSESRAPPORT', '1.6'), ...DIALOG];
/** Home nursing (sykepleietjenesten): admission, discharge, discharge report, death (HIS 1149 §3.2, §3.5–3.6; HIS 1148). */
const NURSING_RECEIVES: PloCapability[] = [
  cap('LOG_INNLAGT', '1.6'),
  cap('LOG_UTSKREVET', '1.6'),
  cap('LOG_DOD', '1.6'),
  cap('UTSKRIVNINGSRAPPORT', '1.6'),
  cap('MEDISINSKE_OPPLYSNINGER', '1.6'),
  ...DIALOG,
];
/** The allocation office (saksbehandlertjenesten): ready for discharge, its cancellation, health information (HIS 1149 §3.3–3.4; HIS 1144). */
const ALLOCATION_RECEIVES: PloCapability[] = [
  cap('LOG_UTSKRIVNINGSKLAR', '1.6'),
  cap('LOG_AVMELDING', '1.6'),
  cap('HELSEOPPL_SOKNAD', '1.6'),
  ...DIALOG,
];

function municipality(
  number: string,
  name: string,
  orgNumber: string,
  herBase: number,
  place: string,
): PloPartyInput[] {
  return [
    {
      herId: String(herBase),
      name,
      orgNumber,
      kind: 'organisation',
      municipalityNumber: number,
      hosted: true,
      messageResponsible: {
        name: `Meldingsansvarlig ${name}`,
        email: `meldingsansvarlig@${place}.kommune.example`,
        phone: null,
      },
    },
    {
      herId: String(herBase + 1),
      name: 'Sykepleietjeneste, pleie- og omsorg',
      kind: 'service',
      parentHerId: String(herBase),
      serviceType: 'hjemmesykepleie',
      municipalityNumber: number,
      hosted: true,
      capabilities: NURSING_RECEIVES,
    },
    {
      herId: String(herBase + 2),
      name: 'Saksbehandler, pleie, omsorg, rehab',
      kind: 'service',
      parentHerId: String(herBase),
      serviceType: 'tildelingskontor',
      municipalityNumber: number,
      hosted: true,
      capabilities: ALLOCATION_RECEIVES,
    },
  ];
}

export const DEMO_PARTIES: PloPartyInput[] = [
  {
    herId: DEMO_HOSPITAL_HER_ID,
    name: 'Fjordvik sykehus HF',
    orgNumber: '921000057',
    kind: 'organisation',
    messageResponsible: {
      name: 'Meldingsansvarlig, Fjordvik sykehus',
      email: 'meldingsansvarlig@fjordvik-sykehus.example',
      phone: '+47 73 00 00 00',
    },
    // Where the hospital's own Helsebro runs in the two-instance demo (npm start on port 8081).
    transportEndpoint: 'http://127.0.0.1:8081/edi/v1/messages',
  },
  {
    herId: '9900001001',
    name: 'Somatikk plo meldingsmottak',
    kind: 'service',
    parentHerId: DEMO_HOSPITAL_HER_ID,
    serviceType: 'somatikk',
    capabilities: HOSPITAL_RECEIVES,
  },
  {
    herId: '9900001002',
    name: 'Psykiatri plo meldingsmottak',
    kind: 'service',
    parentHerId: DEMO_HOSPITAL_HER_ID,
    serviceType: 'psykiatri',
    capabilities: HOSPITAL_RECEIVES,
  },
  ...municipality('9901', 'Fjordvik kommune', '921000014', 9_900_002_000, 'fjordvik'),
  ...municipality('9902', 'Bakkedal kommune', '921000030', 9_900_003_000, 'bakkedal'),
];
