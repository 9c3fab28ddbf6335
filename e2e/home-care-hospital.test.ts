import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { EdiReceipt } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../packages/server/src/modules/plo/address-register/demo-register.ts';
import { buildMessage } from '../packages/server/src/modules/plo/msghead/message.build.ts';
import { sampleMessage } from '../packages/server/src/modules/plo/testing/sample-messages.ts';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { nextOsloAt, osloMinutesAhead } from './support/appointments.ts';
import { planVisitToPer } from './support/home-care.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, waitForHeading } from './support/journey.ts';
import { ninOf } from './support/people.ts';

const PER = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
/** What the journey did, checked in the store after the server has stopped. */
const seen: { siri?: string; per?: string; admission?: string; discharge?: string } = {};

/**
 * Hospital admission as the nurse meets it (issue 15): the demo hospital sends a LOG_INNLAGT for Per Hansen through
 * the real PLO receive path (`POST /edi/v1/messages` with its demo credential); Siri's "Mine besøk i dag" shows her
 * visit to Per paused with the reason, not as a visit to make. The LOG_UTSKREVET brings it back with the prompt to
 * review the plan; she marks it "Gjennomgått" and the prompt is gone. The store keeps who reviewed it and when. Per's
 * daughter Anne, acting for him, sees the visit paused while he is in hospital and back when he is home.
 */
void describe('home care: a hospital stay pauses the visit and the discharge asks for a review', () => {
  // From the coming 10:00 in Oslo: the visit two hours ahead is today's whatever hour the journey runs.
  const journey = useJourney(
    {},
    {
      clockStart: nextOsloAt('10:00'),
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
        const plan = await planVisitToPer(page, osloMinutesAhead(120, journey.clockNow()), true);
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
        // Per's daughter, acting for him, sees the visit paused with the reason, naming Per.
        await asAnneForPer(page, journey.clockNow(), async (anne) => {
          const visit = anne.getByRole('listitem').filter({ has: anne.getByRole('heading', { name: /Hjemmebesøk/ }) });
          await visit.getByText('Besøket er satt på pause mens Per Hansen er innlagt på sykehus.').first().waitFor();
          await expectNoAxeViolations(anne, "Per's appointments while he is in hospital, seen by Anne");
        });

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

        // Back home: Anne no longer sees the visit paused.
        await asAnneForPer(page, journey.clockNow(), async (anne) => {
          await anne
            .getByRole('heading', { name: /Hjemmebesøk/ })
            .first()
            .waitFor();
          assert.equal(await anne.getByText(/satt på pause/).count(), 0, 'the visit is no longer paused');
        });

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
 * In a browser context of her own beside the nurse's, from `clockAt`: Anne Hansen logs in, acts for her father Per (fullmakt) and
 * opens his appointments.
 */
async function asAnneForPer(nurse: Page, clockAt: number, steps: (anne: Page) => Promise<void>): Promise<void> {
  const context = await nurse
    .context()
    .browser()!
    .newContext({ baseURL: new URL(nurse.url()).origin, locale: 'nb-NO' });
  try {
    // On the journey's set clock, as the nurse's browser is.
    await context.clock.install({ time: clockAt });
    const anne = await context.newPage();
    await logInFromLanding(anne, 'Anne Hansen');
    await waitForHeading(anne, 'Hvem vil du bruke Helsebro for?');
    await anne.getByRole('button', { name: 'Velg Per Hansen' }).click();
    await anne.waitForURL((url) => url.pathname === '/min-side');
    await anne.goto('/min-side/timeavtaler');
    await waitForHeading(anne, 'Timeavtalene til Per Hansen');
    await steps(anne);
  } finally {
    await context.close();
  }
}

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
