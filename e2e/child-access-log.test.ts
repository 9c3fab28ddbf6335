import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading } from './support/journey.ts';

void describe("a child's access log", () => {
  const journey = useJourney();

  void it("shows the parent's reads, as hers, on the child's behalf", { timeout: 300_000 }, () =>
    journey.visit('child-access-log', DESKTOP, async ({ page, problems }) => {
      await logInFromLanding(page, 'Kari Nordmann');
      await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
      await page.getByRole('button', { name: 'Velg Emma Nordmann' }).click();
      await page.waitForURL((url) => url.pathname === '/min-side');
      await page.getByRole('region', { name: 'Om Emma Nordmann' }).getByText('10. mai 2016').waitFor();

      // Every visit reads her profile again: repeated reads within ten minutes are one line with a count.
      for (let i = 0; i < 3; i++) {
        await page.reload();
        await page.getByRole('region', { name: 'Om Emma Nordmann' }).getByText('10. mai 2016').waitFor();
      }
      // More lines than one page of the log holds: the log read with 21 different periods is 21 different reads.
      for (let day = 1; day <= 21; day++) {
        await page.goto(`/min-side/logg?fra=2020-01-${String(day).padStart(2, '0')}`);
        await waitForHeading(page, 'Hvem har sett opplysningene til Emma Nordmann');
        await page.locator('#log-results[aria-busy="false"]').waitFor();
      }
      await page.goto('/min-side');

      await page.getByRole('link', { name: 'Se loggen' }).click();
      await waitForHeading(page, 'Hvem har sett opplysningene til Emma Nordmann');
      assert.equal(await page.title(), 'Hvem har sett opplysningene til Emma Nordmann – Helsebro');
      const table = page.getByRole('table', { name: 'Oppslag og endringer, nyeste først' });
      const profileRead = table.getByRole('row').filter({ hasText: 'personopplysningene' }).first();
      await profileRead.getByText('Kari Nordmann').waitFor();
      await profileRead.getByText('på vegne av Emma Nordmann (som forelder)').waitFor();
      await profileRead.getByText(/^\d+ ganger$/).waitFor();
      await expectNoAxeViolations(page, "Emma's access log");

      const pages = page.getByRole('navigation', { name: 'Sider i loggen' });
      await pages.getByText('Side 1').waitFor();
      // Each row's (last) time: a grouped row shows its first and last time.
      const times = () =>
        table.locator('tbody tr').evaluateAll((rows) =>
          rows.map((r) => {
            const all = r.querySelectorAll('time');
            return all.item(all.length - 1)?.getAttribute('datetime') ?? '';
          }),
        );
      const first = await times();
      await pages.getByRole('button', { name: 'Neste side' }).click();
      await pages.getByText('Side 2').waitFor();
      await page.locator('#log-results[aria-busy="false"]').waitFor();
      const second = await times();
      assert.equal(first.length, 20, 'a full first page');
      assert.ok(
        second.length > 0 && second.every((s) => first.every((f) => s <= f)),
        'the next page holds older entries',
      );
      await table.getByText('på vegne av Emma Nordmann (som forelder)').first().waitFor();
      await pages.getByRole('button', { name: 'Forrige side' }).click();
      await pages.getByText('Side 1').waitFor();

      const organisation = page.getByLabel('Virksomhet');
      await organisation.selectOption({ label: 'Privatpersoner (du og de som representerer deg)' });
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('virksomhet') === 'private');
      await table.getByRole('row').filter({ hasText: 'på vegne av Emma Nordmann' }).first().waitFor();
      await expectNoAxeViolations(page, "Emma's access log, private persons only");

      await page.getByLabel('Fra og med dato').fill('2000-01-01');
      await page.getByLabel('Til og med dato').fill('2000-12-31');
      await page.getByRole('button', { name: 'Vis', exact: true }).click();
      await page.getByText('Ingen oppslag eller endringer i denne perioden.').waitFor();
      await page.getByRole('button', { name: 'Fjern avgrensning' }).click();
      await profileRead.waitFor();

      await page.setViewportSize({ width: 390, height: 844 });
      const cards = page.getByRole('list', { name: 'Oppslag og endringer, nyeste først' });
      await cards.getByText('på vegne av Emma Nordmann (som forelder)').first().waitFor();
      assert.equal(await table.isVisible(), false, 'a phone gets cards instead of the table');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      await expectNoAxeViolations(page, "Emma's access log on a phone");

      assert.deepEqual(problems, []);
    }),
  );
});
