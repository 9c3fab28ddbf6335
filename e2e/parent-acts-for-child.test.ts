import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { APIRequestContext } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, pathOf, tabTo, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const CHOOSE = 'Hvem vil du bruke Helsebro for?';

void describe('a parent logs in and uses Helsebro for her children', () => {
  const journey = useJourney();

  void it('picks her 10-year-old, sees her Min side, and cannot pick her 16-year-old', { timeout: 120_000 }, () =>
    journey.visit('parent-acts-for-child', PHONE, async ({ page, problems }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Logg inn' }).click();
      await chooseTestUser(page, 'Kari Nordmann');

      await waitForHeading(page, CHOOSE);
      assert.equal(pathOf(page), '/min-side/velg', 'asked right after the login');
      assert.equal(await page.title(), `${CHOOSE} – Helsebro`);
      const available = page.getByRole('region', { name: 'Du kan velge' });
      const self = available
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Kari Nordmann' }) });
      await self.getByText('Deg selv').first().waitFor();
      const emma = available
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Emma Nordmann' }) });
      await emma.getByText('Forelder').waitFor();
      await emma.getByText('10 år').waitFor();
      await emma.getByText('Dette kan du gjøre for Emma Nordmann:').waitFor();
      await emma.getByText('Digitale helsetjenester').waitFor();

      const unavailable = page.getByRole('region', { name: 'Kan ikke velges nå' });
      const sofie = unavailable
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Sofie Nordmann' }) });
      await sofie.getByText('16 år', { exact: true }).waitFor();
      await sofie.getByText(/Sofie Nordmann er 16 år eller eldre og bestemmer selv/).waitFor();
      assert.equal(await page.getByRole('button', { name: /Sofie/ }).count(), 0, 'Sofie cannot be chosen');
      await expectNoAxeViolations(page, 'the choice of whom to act for');

      const sofieId = await sofieIdFrom(page.request);
      const refused = await apiAs(page.request, 'POST', '/api/representation/acting-for', { personId: sofieId });
      assert.equal(refused.status, 403, 'the server refuses too');
      assert.equal(refused.json.code, 'not_represented');

      await tabTo(page, 'Velg Emma Nordmann');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/min-side');
      await waitForHeading(page, 'Min side');
      const bar = page.getByTestId('acting-for');
      await bar.getByText('Emma Nordmann').waitFor();
      await bar.getByText('(som forelder)').waitFor();
      await page.getByText('Du bruker Helsebro for Emma Nordmann').waitFor();
      const about = page.getByRole('region', { name: 'Om Emma Nordmann' });
      await about.getByText('10. mai 2016').waitFor();
      await about.getByText('Storgata 1').waitFor();
      await page
        .getByRole('region', { name: 'Helsekontakter i kommunen' })
        .getByText('Helsestasjonen', { exact: true })
        .waitFor();
      assert.equal(await page.getByText('Kari Nordmann', { exact: true }).count(), 1, 'only the header names Kari');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await expectNoAxeViolations(page, "Emma's Min side");

      await bar.getByRole('link', { name: 'Bytt hvem du bruker Helsebro for' }).click();
      await waitForHeading(page, CHOOSE);
      await emma.getByText('Valgt nå').waitFor();
      await page.getByRole('button', { name: 'Velg Kari Nordmann' }).click();
      await page.waitForURL((url) => url.pathname === '/min-side');
      await page.getByText('Hei, Kari Nordmann!').waitFor();
      await page.getByTestId('acting-for').getByText('(deg selv)').waitFor();

      assert.deepEqual(problems, []);
    }),
  );
});

/** Sofie's person id, from the choices the server offers Kari. */
async function sofieIdFrom(request: APIRequestContext): Promise<string> {
  const { json } = await apiAs(request, 'GET', '/api/representation/choices');
  const choices = json.choices as { personId: string; displayName: string; available: boolean }[];
  const sofie = choices.find((c) => c.displayName === 'Sofie Nordmann');
  assert.ok(sofie && !sofie.available, 'Sofie is listed as not available');
  return sofie.personId;
}
