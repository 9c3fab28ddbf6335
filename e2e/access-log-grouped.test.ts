import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading } from './support/journey.ts';

void describe('an access log people can trust', () => {
  const journey = useJourney();

  void it(
    "shows a nurse who opened a citizen's record 20 times as one entry with the count",
    { timeout: 240_000 },
    () =>
      journey.visit('access-log-grouped-nurse', DESKTOP, async ({ page, problems }) => {
        let reads = 0;
        page.on('response', (res) => {
          if (/\/api\/staff\/citizens\/[0-9a-f-]{36}$/.test(new URL(res.url()).pathname) && res.status() === 200) {
            reads += 1;
          }
        });
        await logInFromLanding(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');
        await page.getByRole('region', { name: 'Mine brukere' }).getByRole('link', { name: 'Per Hansen' }).click();
        await waitForHeading(page, 'Per Hansen');
        await page.getByText('Tilgang gjennom tjenesteforhold').waitFor();
        while (reads < 20) {
          await page.reload();
          await waitForHeading(page, 'Per Hansen');
          await page.getByText('Tilgang gjennom tjenesteforhold').waitFor();
        }
        assert.deepEqual(problems, []);

        await journey.visit('access-log-grouped-citizen', DESKTOP, async (per) => {
          await logInFromLanding(per.page, 'Per Hansen');
          await waitForHeading(per.page, 'Min side');
          await per.page.goto('/min-side/logg');
          await waitForHeading(per.page, 'Hvem har sett opplysningene mine');
          const table = per.page.getByRole('table', { name: 'Oppslag og endringer, nyeste først' });
          const siri = table.getByRole('row').filter({ hasText: 'Siri Sykepleier' });
          await siri.first().waitFor();
          const opened = siri.filter({ hasText: 'Leste personopplysninger og tjenester' });
          assert.equal(await opened.count(), 1, 'the repeated reads are one entry');
          await opened.getByText(`${reads} ganger`, { exact: true }).waitFor();
          assert.ok(reads >= 20);
          assert.equal(
            await table.getByRole('row').filter({ hasText: 'Du selv' }).count(),
            0,
            'his own entries are left out by default',
          );
          await expectNoAxeViolations(per.page, "Per's access log, others than him");

          const who = per.page.getByLabel('Vis oppføringer fra');
          await who.selectOption({ label: 'Alle, også deg selv' });
          await per.page.getByRole('button', { name: 'Vis', exact: true }).click();
          await per.page.waitForURL((url) => url.searchParams.get('vis') === 'alle');
          await table.getByRole('row').filter({ hasText: 'Du selv' }).first().waitFor();

          const organisation = per.page.getByLabel('Virksomhet');
          const privateOptions = await organisation
            .locator('option')
            .evaluateAll((els) => els.filter((e) => (e as HTMLOptionElement).value === 'private').length);
          assert.equal(privateOptions, 1, 'one option for private persons');
          await expectNoAxeViolations(per.page, "Per's access log, everyone");

          assert.deepEqual(per.problems, []);
        });
      }),
  );
});
