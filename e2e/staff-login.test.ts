import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, pathOf, waitForHeading } from './support/journey.ts';

void describe('a nurse logs in to the staff workspace', () => {
  const journey = useJourney();

  void it('shows her name, her municipality and her unit', { timeout: 120_000 }, () =>
    journey.visit('staff-login', DESKTOP, async ({ page, problems }) => {
      await logInFromLanding(page, 'Siri Sykepleier');

      assert.equal(pathOf(page), '/ansatt');
      await waitForHeading(page, 'Arbeidsflate');
      assert.equal(await page.title(), 'Arbeidsflate – Helsebro');
      const banner = page.getByRole('banner');
      await banner.getByText('Siri Sykepleier').waitFor();
      await banner.getByText('Fjordvik kommune').waitFor();

      const roles = page.getByRole('region', { name: 'Rollene og enhetene dine' });
      await roles.getByText('Hjemmesykepleien').waitFor();
      await roles.getByText('Sykepleier').waitFor();

      const inbox = page.getByRole('region', { name: 'Innboks' });
      await inbox.getByRole('link', { name: 'Hjemmesykepleien' }).waitFor();
      await inbox.getByRole('link', { name: 'Gå til innboksen' }).waitFor();
      await page.getByRole('button', { name: 'Logg ut' }).waitFor();
      await expectNoAxeViolations(page, 'the staff workspace');

      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Hopp til hovedinnhold' });
      assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the first Tab reaches the skip link');
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

      assert.deepEqual(problems, []);
    }),
  );
});
