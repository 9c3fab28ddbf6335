import type { DigifinBody, TermsDraftBody } from '@helsebro/contracts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { systemContext, type RequestContext } from '../../platform/http/request-context.ts';
import { addCalendarDays, osloDateOf } from '../../platform/time/oslo-time.ts';
import { createAcceptanceService, termsStatusOf } from './acceptance.service.ts';
import * as repo from './agreements.repository.ts';
import { createTermsService } from './terms.service.ts';

type DemoVersion = TermsDraftBody & { ks?: { sentOn: string; answer: string; answeredOn: string } };

/**
 * The special terms' own history 2.0 → 3.2 (seed 000's change log, told in our own words), and the general
 * terms' current version. The KS answers on the significant versions are demo data.
 */
export const DEMO_TERMS: readonly DemoVersion[] = [
  {
    document: 'special',
    version: '2.0',
    date: '2020-01-16',
    significant: false,
    changes: [
      'Gjort klar for at Norsk Helsenett overtar forvaltningen fra E-helse (desember 2019).',
      'Tilpasset etter det KS og Norsk Helsenett ble enige om i møtet 15. januar 2020.',
    ],
  },
  {
    document: 'special',
    version: '2.1',
    date: '2020-09-16',
    significant: false,
    changes: [
      'Oppstartskostnaden i punkt 4.1 er endret.',
      'Tjenestebeskrivelsen i punkt 2.1 er gjort generell, så også nye tjenester som helsestasjon, legevakt og smittevern er med.',
    ],
  },
  {
    document: 'special',
    version: '2.2',
    date: '2022-05-06',
    significant: true,
    changes: [
      'Ny tjenestebeskrivelse for formidling (punkt 2.2), for kommunene som kobles på Helseplattformen.',
      'Punkt 3.2 krever databehandleravtale for kommuner som bruker formidling.',
    ],
    ks: { sentOn: '2022-03-15', answer: 'KS støtter endringen (demodata).', answeredOn: '2022-04-20' },
  },
  {
    document: 'special',
    version: '3.0',
    date: '2022-07-25',
    significant: true,
    changes: [
      'Kapittel 4 om finansiering er skrevet om etter den nye forskriften fra Helse- og omsorgsdepartementet.',
      'Teksten om hvordan kommunene deler kostnadene (punkt 5.3) er tatt ut, fordi den ikke lenger gjelder.',
    ],
    ks: { sentOn: '2022-06-01', answer: 'KS har ingen merknader (demodata).', answeredOn: '2022-06-30' },
  },
  {
    document: 'special',
    version: '3.1',
    date: '2023-01-20',
    significant: false,
    changes: ['Lenkene til dokumentasjon utenfor vilkårene er oppdatert.'],
  },
  {
    document: 'special',
    version: '3.2',
    date: '2023-03-24',
    significant: false,
    changes: ['Punkt 5.1 sier nå tydeligere hva tjenestenivået er, med henvisning til de generelle bruksvilkårene.'],
  },
  {
    document: 'general',
    version: '1.0',
    date: '2023-03-24',
    significant: false,
    changes: ['De generelle bruksvilkårene for plattformen, som de spesielle vilkårene utfyller (demodata).'],
  },
];

/** Each demo municipality is a DigiFin member with its connection fee paid (seed 000 §5.2); amounts are demo data. */
const demoDigifin = (i: number): DigifinBody => ({
  member: true,
  memberSince: '2020-01-01',
  feeAmountNok: 25_000,
  feeInvoiceReference: `DF-2020-${String(101 + i)}`,
  feePaidOn: '2020-03-02',
});

/** Municipalities get 60 days to accept a version. */
const ACCEPT_WITHIN_DAYS = 60;

/**
 * Creates the demo terms through the operator's use cases (each version published on its own date, so the
 * history reads as it happened), records DigiFin for every municipality and has each municipality's first
 * administrator accept the current versions, so the demo starts consistent. Running it again adds nothing.
 * @param tx - the seed's transaction
 */
export async function seedTermsDemo(tx: Tx): Promise<void> {
  const db = tx as unknown as Db;
  const parties = await repo.demoParties(tx);
  if (!parties.operatorId) {
    return;
  }
  const operator: RequestContext = {
    ...systemContext('seed'),
    actor: { kind: 'operator', operatorId: parties.operatorId },
  };
  for (const v of DEMO_TERMS) {
    if (await repo.findVersionByLabel(tx, v.document, v.version)) {
      continue;
    }
    const onTheDay = createTermsService({ db, clock: { now: () => new Date(`${v.date}T10:00:00Z`) } });
    const { ks, ...draft } = v;
    const created = await onTheDay.createDraft(operator, draft);
    if (ks) {
      await onTheDay.recordKsConsultation(operator, created.id, ks);
    }
    await onTheDay.publish(operator, created.id, { acceptBy: addCalendarDays(v.date, ACCEPT_WITHIN_DAYS) });
  }
  const terms = createTermsService({ db, clock: { now: () => new Date() } });
  const acceptance = createAcceptanceService({ db, clock: { now: () => new Date() } });
  for (const [i, municipalityId] of parties.municipalityIds.entries()) {
    const inMunicipality = { ...operator, municipalityId };
    const status = await termsStatusOf(tx, inMunicipality, osloDateOf(new Date()));
    if (!status.digifin) {
      await terms.recordDigifin(operator, municipalityId, demoDigifin(i));
    }
    const administratorId = await repo.firstAdministrator(tx, inMunicipality);
    if (!administratorId) {
      continue;
    }
    const admin: RequestContext = {
      ...systemContext('seed'),
      actor: { kind: 'personnel', personnelId: administratorId, hprNumber: null },
      municipalityId,
    };
    for (const d of status.documents) {
      if (d.current && !d.acceptance) {
        await acceptance.accept(admin, d.current.id);
      }
    }
  }
}
