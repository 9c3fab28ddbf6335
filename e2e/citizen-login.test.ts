import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, htmlLang, openHeaderMenu, pathOf, waitForHeading } from './support/journey.ts';

const LANDING_HEADING = 'Helsetjenestene i kommunen din, på nett';

void describe('a citizen on a phone logs in, reads Min side in three languages and logs out', () => {
  const journey = useJourney();

  void it('goes from the front page through the test login to Min side and back out', { timeout: 120_000 }, () =>
    journey.visit('citizen-login', PHONE, async ({ page, problems }) => {
      await page.goto('/');
      await waitForHeading(page, LANDING_HEADING);
      assert.equal(await page.title(), 'Velkommen – Helsebro');
      assert.equal(await htmlLang(page), 'nb');
      await expectNoAxeViolations(page, 'the front page');

      const login = page.getByRole('link', { name: 'Logg inn' });
      assert.equal(await login.getAttribute('href'), '/auth/login', 'a real link to the server login');
      await login.click();

      await page.getByRole('heading', { level: 1, name: 'Velg testbruker' }).waitFor();
      assert.match(pathOf(page), /^\/idp\//);
      for (const name of ['Kari Nordmann', 'Siri Sykepleier', 'Ola Operatør']) {
        assert.equal(await page.getByRole('button', { name: new RegExp(`^${name}`) }).count(), 1, name);
      }
      await expectNoAxeViolations(page, "the identity provider's login page");
      await chooseTestUser(page, 'Kari Nordmann');

      // Kari may act for her children, so she is asked whom she wants to use Helsebro for; she picks herself.
      await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
      assert.equal(pathOf(page), '/min-side/velg');
      await page.getByRole('button', { name: 'Velg Kari Nordmann' }).click();
      await page.waitForURL((url) => url.pathname === '/min-side');
      await waitForHeading(page, 'Min side');
      assert.equal(await page.title(), 'Min side – Helsebro');
      await openHeaderMenu(page);
      await page.getByRole('banner').getByText('Kari Nordmann').first().waitFor();
      await page.getByRole('main').getByText('Fjordvik kommune').first().waitFor();
      await page.getByRole('main').getByText('Kari Nordmann').first().waitFor();
      await expectNoAxeViolations(page, 'Min side (bokmål)');

      await page.getByRole('button', { name: 'English' }).click();
      await waitForHeading(page, 'My page');
      assert.equal(await htmlLang(page), 'en');
      assert.equal(await page.title(), 'My page – Helsebro');
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      await page.getByRole('button', { name: 'Log out' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
      await expectNoAxeViolations(page, 'Min side (English)');

      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await waitForHeading(page, 'Mi side');
      assert.equal(await htmlLang(page), 'nn');
      await page.getByRole('heading', { name: 'Om deg' }).waitFor();
      await page.getByText('Her ser du opplysningane Helsebro har om deg').waitFor();
      await expectNoAxeViolations(page, 'Min side (nynorsk)');

      await page.reload();
      await waitForHeading(page, 'Mi side');
      assert.equal(await htmlLang(page), 'nn', 'the choice is remembered');

      await openHeaderMenu(page);
      await page.getByRole('button', { name: 'Bokmål' }).click();
      await waitForHeading(page, 'Min side');
      assert.equal(await htmlLang(page), 'nb');

      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.waitForURL((url) => url.origin === journey.baseUrl && url.pathname === '/logget-ut');
      await waitForHeading(page, 'Du er logget ut');
      const session = await page.request.get('/api/session');
      assert.equal(((await session.json()) as { authenticated: boolean }).authenticated, false);
      await expectNoAxeViolations(page, 'the page after logging out');
      await page.getByRole('link', { name: 'Til forsiden' }).click();
      await waitForHeading(page, LANDING_HEADING);
      await page.getByRole('link', { name: 'Logg inn' }).waitFor();

      const toLogin = page.waitForRequest((req) => req.url().includes('/auth/login?returnTo=%2Fmin-side'));
      await page.goto('/min-side');
      await toLogin;
      await page.getByRole('heading', { level: 1, name: 'Velg testbruker' }).waitFor();

      assert.deepEqual(problems, []);
    }),
  );
});
