import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobsResponse } from '@helsebro/contracts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, pathOf, waitForHeading } from './support/journey.ts';

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
      await page.goto('/drift');
      await toLogin;
      await chooseTestUser(page, 'Ola Operatør');

      assert.equal(pathOf(page), '/drift', 'back where the operator started');
      await waitForHeading(page, 'Driftskonsoll');
      assert.equal(await page.title(), 'Driftskonsoll – Helsebro');
      await page.getByRole('banner').getByText('Ola Operatør').waitFor();

      const chart = page.getByRole('figure', { name: /Jobber per tilstand/ });
      await chart.waitFor();
      const api = (await (await page.request.get('/api/operator/jobs')).json()) as JobsResponse;
      for (const [state, label] of STATES) {
        const row = chart.locator(`[data-state="${state}"]`);
        assert.equal(await row.locator('.hb-chart__label').textContent(), label);
        assert.equal(await row.getByTestId(`count-${state}`).textContent(), String(api.counts[state]), state);
      }
      await expectNoAxeViolations(page, 'the operator console');

      const dead = page.getByRole('button', { name: `Død (${api.counts.dead})` });
      await dead.click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'dead');
      assert.equal(await dead.getAttribute('aria-pressed'), 'true');
      if (api.counts.dead === 0) {
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
