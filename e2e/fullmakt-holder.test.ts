import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, pathOf, settled, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const INNSYN = 'Innsyn i opplysninger registrert om deg';

void describe('a fullmakt holder acts within her fullmakt until the giver ends it', () => {
  const journey = useJourney();

  void it('is refused outside the service area, and loses access on her next request', { timeout: 180_000 }, () =>
    journey.visit('fullmakt-holder', DESKTOP, async ({ page, problems }) => {
      await logInFromLanding(page, 'Anne Hansen');
      await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
      const per = page
        .getByRole('region', { name: 'Du kan velge' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Per Hansen' }) });
      await per.getByText('Fullmakt', { exact: true }).waitFor();
      await per.getByText('Digitale helsetjenester').waitFor();
      await per.getByText('Fullmakten gjelder til den blir avsluttet.').waitFor();
      assert.equal(await per.getByText(INNSYN).count(), 0, 'the fullmakt does not cover innsyn');
      await per.getByRole('button', { name: 'Velg Per Hansen' }).click();

      await page.waitForURL((url) => url.pathname === '/min-side');
      await page.getByTestId('acting-for').getByText('(med fullmakt)').waitFor();
      const contacts = page.getByRole('region', { name: 'Helsekontakter i kommunen' });
      await contacts.getByText('Hjemmesykepleien', { exact: true }).waitFor();
      await contacts.getByText('Siri Sykepleier').waitFor();
      const about = page.getByRole('region', { name: 'Om Per Hansen' });
      await about.getByText('Ikke tilgjengelig for deg').waitFor();
      await about.getByText(`Fullmakten fra Per Hansen gjelder ikke «${INNSYN}»`, { exact: false }).waitFor();
      assert.equal(await about.getByText('Fjellveien 12').count(), 0, "Per's address is not shown");
      await expectNoAxeViolations(page, "Per's Min side, for Anne");

      for (const path of ['/api/me/profile', '/api/access-log']) {
        const refused = await apiAs(page.request, 'GET', path);
        assert.equal(refused.status, 403, `${path} is refused by the server`);
        assert.equal(refused.json.code, 'service_area_not_granted', path);
      }
      assert.equal((await apiAs(page.request, 'GET', '/api/me/health-contacts')).status, 200);

      // A page the fullmakt does not cover is not in the menu (issue 15); its address still says why.
      const menu = page.getByRole('navigation', { name: 'Min side' });
      await menu.getByRole('link', { name: 'Oversikt' }).waitFor();
      assert.equal(await menu.getByRole('link', { name: 'Hvem har sett' }).count(), 0, 'no access-log tab for Anne');
      await page.goto('/min-side/logg');
      await waitForHeading(page, 'Hvem har sett opplysningene til Per Hansen');
      await page.getByText(/Du har ikke tilgang til loggen for Per Hansen/).waitFor();
      await expectNoAxeViolations(page, "Per's access log, refused to Anne");

      await journey.visit('fullmakt-giver-ends-it', PHONE, async (giver) => {
        await logInFromLanding(giver.page, 'Per Hansen');
        assert.equal(pathOf(giver.page), '/min-side', 'nobody to act for: straight to Min side');
        await waitForHeading(giver.page, 'Min side');
        await giver.page
          .getByRole('navigation', { name: 'Min side' })
          .getByRole('link', { name: 'Fullmakter' })
          .click();
        await waitForHeading(giver.page, 'Fullmakter');
        const given = giver.page.getByRole('region', { name: 'Fullmakter du har gitt' });
        const toAnne = given
          .getByRole('listitem')
          .filter({ has: giver.page.getByRole('heading', { name: 'Til Anne Hansen' }) });
        await toAnne.getByText('Aktiv').waitFor();
        await expectNoAxeViolations(giver.page, "Per's fullmakter");

        await toAnne.getByRole('button', { name: 'Avslutt fullmakten til Anne Hansen' }).click();
        const dialog = giver.page.getByRole('alertdialog', { name: 'Avslutte fullmakten?' });
        await dialog.getByText('Anne Hansen kan ikke lenger bruke Helsebro for deg.').waitFor();
        await settled(giver.page);
        await expectNoAxeViolations(giver.page, 'the confirmation before ending a fullmakt');
        await dialog.getByRole('button', { name: 'Ja, avslutt fullmakten' }).click();

        await giver.page.getByRole('status').getByText('Fullmakten til Anne Hansen er avsluttet.').waitFor();
        await given.getByText('Du har ikke gitt noen fullmakter.').waitFor();
        await given.getByText('Historikk (1)').click();
        const ended = given
          .getByRole('listitem')
          .filter({ has: giver.page.getByRole('heading', { name: 'Til Anne Hansen' }) });
        await ended.getByText('Avsluttet', { exact: true }).waitFor();
        await ended.getByText(/av Per Hansen\./).waitFor();
        await expectNoAxeViolations(giver.page, "Per's fullmakter after ending one");
        assert.deepEqual(giver.problems, []);
      });

      await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Oversikt' }).click();
      await page
        .getByRole('alert')
        .getByText('Du kan ikke lenger bruke Helsebro for Per Hansen. Nå bruker du Helsebro for deg selv.')
        .waitFor();
      await page.getByTestId('acting-for').getByText('Anne Hansen').waitFor();
      await page.getByTestId('acting-for').getByText('(deg selv)').waitFor();
      await page.getByText('Hei, Anne Hansen!').waitFor();
      await expectNoAxeViolations(page, "Anne's Min side after the fullmakt ended");

      const choices = await apiAs(page.request, 'GET', '/api/representation/choices');
      const listed = (choices.json.choices as { displayName: string; available: boolean }[]).filter(
        (c) => c.displayName === 'Per Hansen' && c.available,
      );
      assert.deepEqual(listed, [], 'Per is no longer a choice');

      // The page's own 403 (not_represented) is expected; anything else is not.
      assert.deepEqual(problems, []);
    }),
  );
});
