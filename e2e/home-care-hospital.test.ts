import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type {
  EdiReceipt,
  StaffAppointment,
  StaffAppointmentUnitsResponse,
  StaffCalendarResponse,
} from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../packages/server/src/modules/plo/address-register/demo-register.ts';
import { buildMessage } from '../packages/server/src/modules/plo/msghead/message.build.ts';
import { sampleMessage } from '../packages/server/src/modules/plo/testing/sample-messages.ts';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { osloMinutesAhead } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, waitForHeading } from './support/journey.ts';
import { apiAs, ninOf } from './support/people.ts';

const PER = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
/** What the journey did, checked in the store after the server has stopped. */
const seen: { siri?: string; per?: string; admission?: string; discharge?: string } = {};

/**
 * Hospital admission as the nurse meets it (issue 15): the demo hospital sends a LOG_INNLAGT for Per Hansen through
 * the real PLO receive path (`POST /edi/v1/messages` with its demo credential); Siri's "Mine besøk i dag" shows her
 * visit to Per paused with the reason, not as a visit to make. The LOG_UTSKREVET brings it back with the prompt to
 * review the plan; she marks it "Gjennomgått" and the prompt is gone. The store keeps who reviewed it and when.
 */
void describe('home care: a hospital stay pauses the visit and the discharge asks for a review', () => {
  const journey = useJourney(
    {},
    {
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const rows = await store.query<{
            admission_message_id: string;
            discharge_message_id: string | null;
            reviewed_by_personnel_id: string | null;
            reviewed: boolean;
          }>(
            `SELECT admission_message_id, discharge_message_id, reviewed_by_personnel_id,
                    reviewed_at >= discharged_at AS reviewed
               FROM hospital_admissions WHERE person_id = $1`,
            [seen.per],
          );
          assert.deepEqual(rows, [
            {
              admission_message_id: seen.admission,
              discharge_message_id: seen.discharge,
              reviewed_by_personnel_id: seen.siri,
              reviewed: true,
            },
          ]);
          const audits = await store.query<{ action: string; outcome: string; actor_id: string }>(
            `SELECT action, outcome, actor_id FROM audit_log
              WHERE action LIKE 'hospital_admission.%' AND subject_person_id = $1 ORDER BY id`,
            [seen.per],
          );
          assert.deepEqual(
            audits.map((a) => [a.action, a.outcome]),
            [
              ['hospital_admission.start', 'success'],
              ['hospital_admission.end', 'success'],
              ['hospital_admission.review', 'success'],
            ],
          );
          assert.equal(audits[2]!.actor_id, seen.siri, 'the review is audited as Siri');
        } finally {
          await store.close();
        }
      },
    },
  );

  void it(
    'LOG_INNLAGT pauses the visit, LOG_UTSKREVET brings it back, Siri marks the plan reviewed',
    { timeout: 240_000 },
    () =>
      journey.visit('home-care-hospital', DESKTOP, async ({ page, problems }) => {
        await page.goto('/');
        await page.getByRole('link', { name: 'Logg inn' }).click();
        await chooseTestUser(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');
        const plan = await planVisitToPer(page, 120);
        seen.siri = plan.siri;
        seen.per = plan.per;

        seen.admission = await receive(journey.baseUrl, 'LOG_INNLAGT');
        await page.getByRole('link', { name: 'Mine besøk i dag' }).click();
        await waitForHeading(page, 'Mine besøk i dag');
        // The card by its heading, in every language (the list's own name is translated).
        const card = page.getByRole('article', { name: `${plan.at.time} Per Hansen` });
        await page.getByRole('list', { name: 'Besøk i tidsrekkefølge' }).getByRole('article').first().waitFor();
        await card.getByText('Satt på pause').waitFor();
        await card.getByText(/^Innlagt på sykehus siden .+\. Ikke dra på besøket\.$/).waitFor();
        assert.equal(await card.getByRole('button', { name: /^Utført/ }).count(), 0, 'not a visit to drive to');
        assert.equal(await card.getByRole('button', { name: /^Gjennomgått/ }).count(), 0);
        await expectNoAxeViolations(page, 'a visit paused while Per is in hospital');

        seen.discharge = await receive(journey.baseUrl, 'LOG_UTSKREVET');
        await page.reload();
        await waitForHeading(page, 'Mine besøk i dag');
        await card.getByRole('button', { name: `Utført: Per Hansen kl. ${plan.at.time}` }).waitFor();
        assert.equal(await card.getByText('Satt på pause').count(), 0, 'the visit is back');
        await card.getByText('Utskrevet – gå gjennom planen').waitFor();
        const reviewed = card.getByRole('button', { name: 'Gjennomgått: planen for Per Hansen' });
        await reviewed.waitFor();
        await expectNoAxeViolations(page, 'the visit back, with the review prompt');

        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await card.getByText('Utskriven – gå gjennom planen').waitFor();
        await expectNoAxeViolations(page, 'the review prompt (nynorsk)');
        await page.getByRole('button', { name: 'English' }).click();
        await waitForHeading(page, 'My visits today');
        await card.getByRole('button', { name: 'Reviewed: the plan for Per Hansen' }).waitFor();
        await card.getByText('Discharged – review the plan').waitFor();
        await expectNoAxeViolations(page, 'the review prompt (English)');
        await page.getByRole('button', { name: 'Bokmål' }).click();
        await waitForHeading(page, 'Mine besøk i dag');

        await reviewed.click();
        await card.getByText('Utskrevet – gå gjennom planen').waitFor({ state: 'detached' });
        assert.equal(await page.getByRole('button', { name: /^Gjennomgått/ }).count(), 0, 'gone from every card');
        await card.getByRole('button', { name: `Utført: Per Hansen kl. ${plan.at.time}` }).waitFor();

        // Mine brukere on the workspace shows no flag for Per either.
        await page.goto('/ansatt');
        await waitForHeading(page, 'Arbeidsflate');
        const perItem = page
          .getByRole('region', { name: 'Mine brukere' })
          .getByRole('listitem')
          .filter({
            has: page.getByRole('link', { name: 'Per Hansen' }),
          });
        await perItem.waitFor();
        assert.equal(await perItem.getByText(/Utskrevet|Innlagt/).count(), 0);
        await expectNoAxeViolations(page, 'the workspace after the review');
        assert.deepEqual(problems, []);
      }),
  );
});

/**
 * Posts a hospital message about Per from the demo hospital through the real receive path, with a fresh MsgId.
 * @returns the stored message's id
 */
async function receive(baseUrl: string, type: 'LOG_INNLAGT' | 'LOG_UTSKREVET'): Promise<string> {
  const message = buildMessage(
    sampleMessage(type, {
      msgId: crypto.randomUUID(),
      patient: {
        familyName: PER.familyName,
        givenName: PER.givenName,
        nin: ninOf('Per'),
        idType: 'FNR',
        dateOfBirth: PER.birthDate,
      },
    }),
  );
  const posted = await fetch(`${baseUrl}/edi/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
    body: message.xml,
  });
  assert.equal(posted.status, 202);
  const receipt = (await posted.json()) as EdiReceipt;
  assert.equal(receipt.outcome, 'accepted');
  return receipt.messageId;
}

/** Plans a home visit to Per Hansen for Siri some minutes from now through the staff API, as the calendar does. */
async function planVisitToPer(page: Page, minutesAhead: number) {
  const units = (await apiAs(page.request, 'GET', '/api/staff/appointments/units'))
    .json as unknown as StaffAppointmentUnitsResponse;
  const unit = units.units.find((u) => u.name === 'Hjemmesykepleien')!;
  const type = unit.types.find((t) => t.kind === 'home_visit')!;
  const week = (await apiAs(page.request, 'GET', `/api/staff/appointments/units/${unit.id}/calendar?view=week`))
    .json as unknown as StaffCalendarResponse;
  const planned = week.days.flatMap((d) => d.appointments);
  const per = planned.find((a) => a.citizen.displayName === 'Per Hansen')!.citizen.personId;
  const siri = planned.find((a) => a.staff?.displayName === 'Siri Sykepleier')!.staff!.personnelId;
  const at = osloMinutesAhead(minutesAhead);
  const created = await apiAs(page.request, 'POST', `/api/staff/appointments/units/${unit.id}/appointments`, {
    personId: per,
    typeId: type.id,
    localDate: at.date,
    localTime: at.time,
    location: 'Hjemme',
    staffPersonnelId: siri,
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return { id: (created.json as unknown as StaffAppointment).id, at, per, siri };
}
