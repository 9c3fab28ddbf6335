import assert from 'node:assert/strict';
import type { Response as InjectResponse } from 'light-my-request';
import {
  FIXTURE_KEYS,
  type AccessFixture,
  type CallerKind,
  type FixtureKey,
} from '../../src/platform/http/route-access.ts';
import { seedDemo } from '../../src/modules/demo-data/index.ts';
import { buildMessage, DEMO_HOSPITAL_HER_ID } from '../../src/modules/plo/index.ts';
import { failDeliveryAndSweep } from '../../src/modules/plo/testing/alerts.ts';
import { DEMO_FJORDVIK_HOME_NURSING, sampleMessage } from '../../src/modules/plo/testing/sample-messages.ts';
import { addCalendarDays, fromOslo, osloDateOf } from '../../src/platform/time/oslo-time.ts';
import { isWorkingDay } from '../../src/platform/time/working-days.ts';
import { appointments } from '../../src/platform/db/schema.ts';
import { claimJobs, failJob } from '../../src/platform/jobs/queue.ts';
import { demoEpjClient } from '../../src/modules/epj/index.ts';
import { makeFullmakt, makePersonnel, uniqueSyntheticNin } from '../factories.ts';
import type { TestApp } from '../test-app.ts';
import { buildCallers, type Caller } from './callers.ts';

/** Who is who: ids of the demo population (and the few the fixture adds) behind each kind of caller. */
export type AuthzPeople = {
  municipalityA: string;
  municipalityANumber: string;
  municipalityB: string;
  municipalityBNumber: string;
  citizenA: string;
  citizenB: string;
  proxyInScope: string;
  proxyOutOfScope: string;
  staffSameUnit: string;
  staffOtherUnit: string;
  staffOtherMunicipality: string;
  messageHandlerOtherOrg: string;
  operator: string;
  municipalAdmin: string;
};

export type AuthzFixture = {
  callers: Record<CallerKind, Caller>;
  ids: AccessFixture;
  /** Strings that name A (ids of A's objects, A's identity number): an answer to a caller about itself has none. */
  secrets: readonly string[];
};

/** A small valid PDF, as the dialog accepts it. */
export const FIXTURE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(1500, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

/**
 * The demo population (Fjordvik is A's municipality, Bakkedal the other; Per Hansen is citizen A, his daughter Anne
 * holds his fullmakt for the digital health services, Ingrid Berg gets home care from the same unit), the callers,
 * and A's real objects, each created through the API the way its owner creates it: A's conversation with an
 * attachment, appointments and a request, a booking, an EPJ schedule, a PLO message received about A and one sent,
 * fullmakter A gave, and the outbox job of the received message's AppRec.
 * @param t - the application on a fresh store, listening
 */
export async function createAuthzFixture(t: TestApp): Promise<AuthzFixture> {
  const db = t.app.platform.db;
  await seedDemo(db);
  const one = async (sql: string, params: unknown[] = []) => {
    const rows = await t.database.query<{ id: string | number }>(sql, params);
    assert.ok(rows[0], `fixture: nothing for ${sql} ${JSON.stringify(params)}`);
    return String(rows[0].id);
  };
  const municipality = (number: string) => one('SELECT id FROM municipalities WHERE number = $1', [number]);
  const unitOf = (municipalityId: string, name: string) =>
    one('SELECT id FROM service_units WHERE municipality_id = $1 AND name = $2', [municipalityId, name]);
  const person = (given: string, family: string) =>
    one('SELECT id FROM persons WHERE given_name = $1 AND family_name = $2', [given, family]);
  const staff = (hpr: string) => one('SELECT id FROM personnel WHERE hpr_number = $1', [hpr]);

  const [municipalityA, municipalityB] = [await municipality('9901'), await municipality('9902')];
  const unit = await unitOf(municipalityA, 'Hjemmesykepleien');
  const bookableUnit = await unitOf(municipalityA, 'Vaksinasjonskontoret');
  const citizenA = await person('Per', 'Hansen');
  const proxyOutOfScope = await person('Lars', 'Johansen');
  await makeFullmakt(db, citizenA, proxyOutOfScope, { serviceAreas: ['innsyn'] });
  const messageHandlerOtherOrg = await makePersonnel(db, {
    municipalityId: municipalityB,
    serviceUnitId: await unitOf(municipalityB, 'Tildelingskontoret'),
    role: 'message_handler',
  });
  const people: AuthzPeople = {
    municipalityA,
    municipalityANumber: '9901',
    municipalityB,
    municipalityBNumber: '9902',
    citizenA,
    citizenB: await person('Ingrid', 'Berg'),
    proxyInScope: await person('Anne', 'Hansen'),
    proxyOutOfScope,
    staffSameUnit: await staff('9100003'), // Tone Leder, unit leader of home care
    staffOtherUnit: await staff('9100007'), // Are Meldingsansvarlig, message handler at the allocation office
    staffOtherMunicipality: await staff('9100008'), // Berit Bakke, nurse in Bakkedal's home care
    messageHandlerOtherOrg: messageHandlerOtherOrg.id,
    operator: await one('SELECT id FROM operators ORDER BY given_name LIMIT 1'),
    municipalAdmin: (await makePersonnel(db, { municipalityId: municipalityA, role: 'municipal_admin' })).id,
  };
  const callers = await buildCallers(t, people);

  const send = async (
    who: CallerKind,
    method: 'GET' | 'POST',
    url: string,
    payload?: object | string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<InjectResponse> => {
    const res = await t.app.inject({
      method,
      url,
      headers: { ...callers[who].headers, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    assert.ok(res.statusCode < 300, `fixture: ${method} ${url} as ${who} answered ${res.statusCode}: ${res.body}`);
    return res;
  };

  // A working day two weeks ahead: within the seeded slots, past every cancellation deadline.
  let futureDate = addCalendarDays(osloDateOf(t.app.platform.clock.now()), 14);
  while (!isWorkingDay(futureDate)) {
    futureDate = addCalendarDays(futureDate, 1);
  }
  const at = (time: string) => fromOslo(futureDate, time)!.toISOString();
  const ninA = await one('SELECT nin AS id FROM persons WHERE id = $1', [citizenA]);
  const appointmentType = await one('SELECT id FROM appointment_types WHERE service_unit_id = $1', [unit]);
  const bookableType = await one('SELECT id FROM appointment_types WHERE service_unit_id = $1', [bookableUnit]);
  const unitStaffId = await staff('9100001'); // Siri Sykepleier, A's primary contact

  // A's home visits, booked by the municipality's EPJ, one per family of writes.
  const visit = async (time: string) =>
    (
      await send('epjClient', 'POST', '/epj/v1/appointments', {
        serviceUnitId: unit,
        appointmentTypeId: appointmentType,
        nin: ninA,
        startsAt: at(time),
      })
    ).json<{ id: string }>().id;
  const pastVisit = async (hoursAgo: number) => {
    const startsAt = new Date(t.app.platform.clock.now().getTime() - hoursAgo * 3_600_000);
    const [row] = await db
      .insert(appointments)
      .values({
        municipalityId: municipalityA,
        serviceUnitId: unit,
        appointmentTypeId: appointmentType,
        personId: citizenA,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        location: 'Hjemme',
        staffPersonnelId: unitStaffId,
        bookedByPersonnelId: unitStaffId,
      })
      .returning({ id: appointments.id });
    return row!.id;
  };
  const visits = {
    appointment: await visit('08:00'),
    appointmentToMove: await visit('08:30'),
    appointmentToCancel: await visit('09:00'),
    appointmentForOutcome: await visit('10:00'),
    appointmentForEpj: await visit('10:30'),
    // Visits that have taken place but are not recorded yet. The API books nothing in the past, so these are
    // written as the demo seed writes its home visits.
    appointmentToComplete: await pastVisit(3),
    appointmentForEpjVisit: await pastVisit(2),
  };
  const requested = await visit('11:30');
  const appointmentRequest = (
    await send('citizen', 'POST', `/api/appointments/${requested}/new-time-requests`, {
      comment: 'Kan dere komme en annen dag?',
    })
  ).json<{ id: string }>().id;

  // Two free vaccination slots: one A books now (so there is a booking), one the matrix books.
  const free = (
    await send(
      'citizen',
      'GET',
      `/api/appointments/free-slots?typeId=${bookableType}&from=${futureDate}&to=${futureDate}`,
    )
  ).json<{ slots: Array<{ id: string }> }>().slots;
  assert.ok(free.length >= 2, 'fixture: two free vaccination slots');
  const booked = (await send('citizen', 'POST', '/api/appointments', { slotId: free[0]!.id })).json<{ id: string }>()
    .id;

  const schedule = (
    await send('epjClient', 'POST', '/epj/v1/schedules', {
      serviceUnitId: unit,
      appointmentTypeId: appointmentType,
      weekdays: [2],
      startTime: '13:00',
      endTime: '14:00',
      validFrom: addCalendarDays(futureDate, 60),
      validTo: addCalendarDays(futureDate, 70),
    })
  ).json<{ id: string }>().id;

  const startConversation = async (subject: string) => {
    const form = new FormData();
    form.append('serviceUnitId', unit);
    form.append('subject', subject);
    form.append('text', 'Såret væsker mer i dag. Kan dere se på det?');
    form.append('files', new Blob([FIXTURE_PDF], { type: 'application/pdf' }), 'blodprøver.pdf');
    const multipart = new Response(form);
    const res = await send('citizen', 'POST', '/api/dialog/conversations', Buffer.from(await multipart.arrayBuffer()), {
      'content-type': multipart.headers.get('content-type')!,
    });
    return res.json<{ conversation: { id: string }; messages: Array<{ attachments: Array<{ id: string }> }> }>();
  };
  const started = await startConversation('Sår på leggen');
  const toClose = await startConversation('Ny dosett');

  // Letters (issue 13): the EPJ sends A two letters; A has logged in (the citizen caller), so the first goes to
  // Helsebro; while the KRR stand-in says A is reserved, the second goes to print.
  const sendLetter = async (title: string) =>
    (
      await send('epjClient', 'POST', '/epj/v1/letters', {
        serviceUnitId: unit,
        nin: ninA,
        title,
        importance: 'important',
        document: { filename: 'vedtak.pdf', contentType: 'application/pdf', data: FIXTURE_PDF.toString('base64') },
      })
    ).json<{ id: string; channel: string }>();
  const krrProfile = async (profile: object) => {
    const res = await t.app.inject({ method: 'PUT', url: `/dev/krr/persons/${ninA}`, payload: profile });
    assert.equal(res.statusCode, 204, `fixture: KRR profile: ${res.body}`);
  };
  const letter = await sendLetter('Vedtak om hjemmesykepleie');
  assert.equal(letter.channel, 'portal', 'fixture: A uses Helsebro, so the letter goes there');
  await krrProfile({ reservasjon: 'JA' });
  const letterToPrint = await sendLetter('Innkalling til samtale');
  await krrProfile({});
  assert.equal(letterToPrint.channel, 'print', 'fixture: A reserved in KRR, so the letter goes to print');

  // PLO: the hospital reports A admitted to A's municipality's home nursing; A's municipality asks the hospital.
  const patient = { familyName: 'Hansen', givenName: 'Per', nin: ninA, idType: 'FNR' as const };
  const admitted = buildMessage(sampleMessage('LOG_INNLAGT', { patient })).xml;
  const received = await send('partnerOtherOrg', 'POST', '/edi/v1/messages', admitted, {
    'content-type': 'application/xml',
  });
  const ploMessageIn = received.json<{ messageId: string }>().messageId;
  const asked = await send('staffOtherUnit', 'POST', '/api/plo/messages', {
    ...sampleMessage('INNLEGGELSESRAPPORT', { patient }),
  });
  const ploMessageOut = asked.json<{ id: string }>().id;
  // Two more reports whose delivery failed for good: the monitor raises an alert about each.
  const alerted = async () => {
    const res = await send('staffOtherUnit', 'POST', '/api/plo/messages', {
      ...sampleMessage('INNLEGGELSESRAPPORT', { patient }),
    });
    return failDeliveryAndSweep(t.app.platform, res.json<{ id: string }>().id);
  };
  const ploAlert = await alerted();
  const ploAlertToClose = await alerted();
  // Two more about A addressed to a service A's municipality does not have: rejected (E21), in its handlers' queue.
  const misaddressed = async () => {
    const res = await send(
      'partnerOtherOrg',
      'POST',
      '/edi/v1/messages',
      buildMessage(
        sampleMessage('LOG_INNLAGT', {
          patient,
          receiver: { ...DEMO_FJORDVIK_HOME_NURSING, service: { name: 'Nedlagt tjeneste', herId: '9900002999' } },
        }),
      ).xml,
      { 'content-type': 'application/xml' },
    );
    const receipt = res.json<{ messageId: string; outcome: string }>();
    assert.equal(receipt.outcome, 'rejected', 'fixture: a misaddressed message is rejected');
    return receipt.messageId;
  };
  const ploRejected = await misaddressed();
  const ploRejectedToForward = await misaddressed();
  // The AppRec cannot be delivered (the hospital is not listening): its job dies, as the worker leaves it after the
  // last attempt, so the operator has something to retry.
  const [apprecJob] = await claimJobs(db, ['plo.apprec.send'], 1, 60_000);
  assert.ok(apprecJob && (await failJob(db, apprecJob, 'ECONNREFUSED', null)), 'fixture: a dead AppRec job');
  const job = String(apprecJob.id);

  const epjProduct = (
    await send('operator', 'POST', '/api/operator/epj-products', {
      vendor: 'Fixture AS',
      name: 'Fixture Journal',
      versions: ['1.0'],
      services: ['dialog'],
    })
  ).json<{ id: string }>().id;
  // What A's municipality's administrator changes and ends, made by the administrator through the API.
  const adminUnit = (
    await send('municipalAdmin', 'POST', '/api/admin/units', {
      name: 'Enheten som legges ned',
      kind: 'home_care',
      phone: '+47 77 70 99 00',
      functionalEmail: 'nedlegges@fjordvik.kommune.example',
    })
  ).json<{ id: string }>().id;
  const adminStaff = (
    await send('municipalAdmin', 'POST', '/api/admin/staff', {
      nin: uniqueSyntheticNin(),
      givenName: 'Vikar',
      familyName: 'Midlertidig',
      roles: [{ role: 'nurse', unitId: adminUnit }],
    })
  ).json<{ personnelId: string }>().personnelId;
  const adminClient = 'matrise-klient';
  await send('municipalAdmin', 'POST', '/api/admin/epj-clients', {
    clientId: adminClient,
    clientName: 'Klienten som byttes ut',
    secret: 'matrise-klient-secret-0123456789',
  });

  const spareHolder = await person('Hilde', 'Lund');
  const fullmaktToReplace = (await makeFullmakt(db, citizenA, spareHolder)).id;
  const fullmaktToEnd = (await makeFullmakt(db, citizenA, await person('Thomas', 'Lund'))).id;

  const ids: Record<FixtureKey, string> = {
    personA: citizenA,
    ninA,
    unit,
    unitStaffId,
    unitStaffHpr: '9100001',
    conversation: started.conversation.id,
    attachment: started.messages[0]!.attachments[0]!.id,
    conversationToClose: toClose.conversation.id,
    letter: letter.id,
    letterToPrint: letterToPrint.id,
    ...visits,
    appointmentRequest,
    appointmentType,
    bookableType,
    bookableSlot: free[1]!.id,
    bookableUnit,
    schedule,
    ploMessageIn,
    ploMessageOut,
    ploService: DEMO_FJORDVIK_HOME_NURSING.service!.herId,
    ploPartner: DEMO_HOSPITAL_HER_ID,
    ploAlert,
    ploAlertToClose,
    ploRejected,
    ploRejectedToForward,
    fullmaktToReplace,
    fullmaktToEnd,
    holderNin: await one('SELECT nin AS id FROM persons WHERE given_name = $1 AND family_name = $2', [
      'Nora',
      'Bakken',
    ]),
    job,
    futureDate,
    futureInstant: at('15:00'),
    laterInstant: at('16:30'),
    idpInteraction: 'no-login-started-this-interaction',
    adminUnit,
    adminStaff,
    adminClient,
    epjProduct,
    unitOtherMunicipality: await unitOf(municipalityB, 'Hjemmesykepleien'),
    staffOtherMunicipality: people.staffOtherMunicipality,
    clientOtherMunicipality: demoEpjClient(people.municipalityBNumber).clientId,
  };
  for (const key of FIXTURE_KEYS) {
    assert.ok(ids[key], `fixture: ${key} is set`);
  }
  const secrets = [
    citizenA,
    ninA,
    ids.conversation,
    ids.attachment,
    ids.conversationToClose,
    letter.id,
    letterToPrint.id,
    toClose.messages[0]!.attachments[0]!.id,
    ...Object.values(visits),
    requested,
    booked,
    appointmentRequest,
    ploMessageIn,
    ploMessageOut,
    ploAlert,
    ploAlertToClose,
    ploRejected,
    ploRejectedToForward,
    fullmaktToReplace,
    fullmaktToEnd,
  ];
  return { callers, ids, secrets };
}
