import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, pathOf, waitForHeading } from './support/journey.ts';

const CHOOSE = 'Hvem vil du bruke Helsebro for?';

void describe('changing whom you act for after a while', () => {
  // The shortest limit the server accepts; the journey waits it out.
  const journey = useJourney({ REAUTH_MAX_AGE_MINUTES: '1' });

  void it('asks for a fresh login and comes back to the choice', { timeout: 180_000 }, () =>
    journey.visit('fresh-login', DESKTOP, async ({ page, problems }) => {
      await logInFromLanding(page, 'Kari Nordmann');
      await waitForHeading(page, CHOOSE);
      await page.getByRole('button', { name: 'Velg Kari Nordmann' }).click();
      await waitForHeading(page, 'Min side');

      await page.waitForTimeout(62_000);
      await page.getByRole('link', { name: 'Bytt hvem du bruker Helsebro for' }).click();
      await waitForHeading(page, CHOOSE);
      const toLogin = page.waitForRequest((req) =>
        req.url().endsWith('/auth/login?prompt=login&returnTo=%2Fmin-side%2Fvelg'),
      );
      await page.getByRole('button', { name: 'Velg Emma Nordmann' }).click();
      await toLogin;
      await chooseTestUser(page, 'Kari Nordmann');

      await waitForHeading(page, CHOOSE);
      assert.equal(pathOf(page), '/min-side/velg', 'back where she was');
      await expectNoAxeViolations(page, 'the choice after a fresh login');
      await page.getByRole('button', { name: 'Velg Emma Nordmann' }).click();
      await page.getByText('Du bruker Helsebro for Emma Nordmann').waitFor();
      assert.deepEqual(problems, []);
    }),
  );
});
