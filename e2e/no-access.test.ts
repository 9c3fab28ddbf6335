import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, pathOf, tabTo, waitForHeading } from './support/journey.ts';

void describe('a citizen opens the staff and operator shells', () => {
  const journey = useJourney();

  void it('says plainly there is no access and leads back to Min side', { timeout: 120_000 }, () =>
    journey.visit('no-access', PHONE, async ({ page, problems }) => {
      await logInFromLanding(page, 'Kari Nordmann');
      await page.getByRole('button', { name: 'Velg Kari Nordmann' }).click();
      await waitForHeading(page, 'Min side');

      for (const [path, audience] of [
        ['/ansatt', 'ansatte i kommunen'],
        ['/drift', 'driftspersonell'],
      ] as const) {
        await page.goto(path);
        await waitForHeading(page, 'Ingen tilgang');
        assert.equal(pathOf(page), path, 'stays on the address the citizen opened');
        assert.equal(await page.title(), 'Ingen tilgang – Helsebro');
        await page.getByText(`Denne delen av Helsebro er bare for ${audience}.`).waitFor();
        await page.getByRole('banner').getByText('Kari Nordmann').waitFor();
        await expectNoAxeViolations(page, `"Ingen tilgang" at ${path}`);
      }

      await tabTo(page, 'Gå til Min side');
      await page.keyboard.press('Enter');
      await waitForHeading(page, 'Min side');
      assert.equal(pathOf(page), '/min-side');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page');
      await page.getByRole('main').getByText('Fjordvik kommune').first().waitFor();

      assert.deepEqual(problems, []);
    }),
  );
});
