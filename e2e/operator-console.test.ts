import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JobsResponse } from '@helsebro/contracts';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../packages/server/src/modules/plo/index.ts';
import { buildMessage } from '../packages/server/src/modules/plo/msghead/message.build.ts';
import { sampleMessage } from '../packages/server/src/modules/plo/testing/sample-messages.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { pointDemoHospitalAt, startTestHospital, type TestHospital } from './support/hospital.ts';
import { chooseTestUser, logInFromLanding, pathOf, waitForHeading } from './support/journey.ts';
import { apiAs, ninOf } from './support/people.ts';

const STATES = [
  ['ready', 'Klar'],
  ['running', 'Kjører'],
  ['done', 'Fullført'],
  ['dead', 'Død'],
] as const;

void describe('an operator opens the operator console', () => {
  const journey = useJourney();

  void it('logs in on the way and sees the outbox counts per state', { timeout: 120_000 }, () =>
    journey.visit('operator-console', DESKTOP, async ({ page, problems }) => {
      const toLogin = page.waitForRequest((req) => req.url().includes('/auth/login?returnTo=%2Fdrift'));
      // The counts the page itself was given: the background jobs of the demo move between states while the test
      // runs, so a second request of our own could see other numbers than the chart drew.
      const firstJobs = page.waitForResponse(
        (res) => new URL(res.url()).pathname === '/api/operator/jobs' && res.request().method() === 'GET',
      );
      await page.goto('/drift');
      await toLogin;
      await chooseTestUser(page, 'Ola Operatør');

      assert.equal(pathOf(page), '/drift', 'back where the operator started');
      await waitForHeading(page, 'Driftskonsoll');
      assert.equal(await page.title(), 'Driftskonsoll – Helsebro');
      await page.getByRole('banner').getByText('Ola Operatør').waitFor();

      const chart = page.getByRole('figure', { name: /Jobber per tilstand/ });
      await chart.waitFor();
      const api = (await (await firstJobs).json()) as JobsResponse;
      for (const [state, label] of STATES) {
        const row = chart.locator(`[data-state="${state}"]`);
        assert.equal(await row.locator('.hb-chart__label').textContent(), label);
        assert.equal(await row.getByTestId(`count-${state}`).textContent(), String(api.counts[state]), state);
      }
      await expectNoAxeViolations(page, 'the operator console');

      // Named with its count, whatever the count is by now (the page refreshes every 15 s).
      const dead = page.getByRole('button', { name: /^Død \((\d+)\)$/ });
      const deadNow = Number(/\((\d+)\)/.exec((await dead.textContent()) ?? '')?.[1]);
      await dead.click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'dead');
      assert.equal(await dead.getAttribute('aria-pressed'), 'true');
      if (deadNow === 0) {
        await page.getByText('Ingen jobber med tilstanden «Død».').waitFor();
      } else {
        await page.getByRole('table', { name: /tilstanden «Død»/ }).waitFor();
      }
      await expectNoAxeViolations(page, 'the operator console showing dead jobs');

      assert.deepEqual(problems, []);
    }),
  );

  void it('fits a phone screen', { timeout: 120_000 }, () =>
    journey.visit('operator-console-phone', PHONE, async ({ page, problems }) => {
      await page.goto('/auth/login?returnTo=%2Fdrift');
      await chooseTestUser(page, 'Ola Operatør');
      await waitForHeading(page, 'Driftskonsoll');
      await page.getByRole('figure', { name: /Jobber per tilstand/ }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await expectNoAxeViolations(page, 'the operator console on a phone');
      assert.deepEqual(problems, []);
    }),
  );
});

/**
 * The hospital's endpoint as a stand-in that refuses us (403) until it is "fixed", then takes every message: a
 * dead job for a real cause, and the fix the operator makes before retrying all jobs of that cause.
 */
void describe('an operator reads why jobs died and retries all of one cause', () => {
  let hospital: TestHospital | undefined;
  // It refuses us (403) until it is "fixed".
  before(async () => {
    hospital = await startTestHospital(403);
  });
  after(async () => {
    await hospital?.close();
  });
  // Only the answer counts: the AppRec for the hospital's own message may come here too.
  const answers = () => hospital!.received.filter((b) => b.includes('DIALOG_FORESPORSEL')).length;
  const journey = useJourney();

  void it('sees "refused our access" for a dead PLO send, fixes it, and retries the group', { timeout: 180_000 }, () =>
    journey.visit('operator-dead-causes', DESKTOP, async ({ page, problems }) => {
      // The hospital sends a message; the municipality's message handler answers it: one PLO send to the hospital.
      const per = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
      const message = buildMessage(
        sampleMessage('LOG_UTSKRIVNINGSKLAR', {
          patient: {
            familyName: per.familyName,
            givenName: per.givenName,
            nin: ninOf('Per'),
            idType: 'FNR',
            dateOfBirth: per.birthDate,
          },
        }),
      );
      const posted = await fetch(`${journey.baseUrl}/edi/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
        body: message.xml,
      });
      assert.equal(posted.status, 202);
      const { messageId } = (await posted.json()) as { messageId: string };

      await page.goto('/auth/login?returnTo=%2Fdrift');
      await chooseTestUser(page, 'Ola Operatør');
      await waitForHeading(page, 'Driftskonsoll');
      // The operator points the hospital's transport endpoint (the demo's own stand-in) at this one, and gives
      // Helsebro the token the hospital issued us, so the send reaches it (and is refused there).
      await pointDemoHospitalAt(page, hospital!);

      const handler = await page.context().browser()!.newContext({ baseURL: journey.baseUrl });
      try {
        const handlerPage = await handler.newPage();
        await logInFromLanding(handlerPage, 'Are Meldingsansvarlig');
        await waitForHeading(handlerPage, 'Arbeidsflate');
        const answer = await apiAs(handlerPage.request, 'POST', `/api/plo/console/messages/${messageId}/answer`, {
          type: 'DIALOG_FORESPORSEL',
          questionKind: '8',
          text: 'Når er pasienten klar til å reise hjem?',
        });
        assert.equal(answer.status, 201, JSON.stringify(answer.json));
      } finally {
        await handler.close();
      }

      // The stand-in's 403 kills the send at once (a refusal is not retried); the console names the cause.
      const groups = page.getByRole('region', { name: 'Døde jobber etter årsak' });
      const group = groups.getByRole('listitem').filter({ hasText: 'Sende PLO-melding' });
      for (let i = 0; i < 30 && (await group.count()) === 0; i += 1) {
        await page.getByRole('button', { name: 'Oppdater nå' }).click();
        await page.waitForTimeout(1000);
      }
      await group.getByText('Mottakeren avviste tilgangen vår (401 eller 403).', { exact: false }).waitFor();
      await group.getByText('1 jobb').waitFor();
      await page.getByRole('button', { name: /^Død \(/ }).click();
      const table = page.getByRole('table', { name: /tilstanden «Død»/ });
      const row = table.getByRole('row').filter({ hasText: 'plo.message.send' });
      await row.getByText('Mottakeren avviste tilgangen vår', { exact: false }).waitFor();
      await row.getByText('Teknisk feiltekst').click();
      await row.getByText('the partner answered 403', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'dead jobs grouped by cause');

      // Fixed at the hospital's end: the whole group goes round again and is delivered.
      hospital!.answer = 202;
      const before = answers();
      await group.getByRole('button', { name: /^Prøv jobben igjen/ }).click();
      await page.getByRole('status').getByText('1 jobb er lagt i køen igjen.').waitFor();
      for (let i = 0; i < 30 && answers() === before; i += 1) {
        await page.waitForTimeout(500);
      }
      assert.equal(answers(), before + 1, 'the message is sent again, once');
      await page.getByRole('button', { name: 'Oppdater nå' }).click();
      await groups.waitFor({ state: 'detached' });
      assert.deepEqual(problems, []);
    }),
  );
});
