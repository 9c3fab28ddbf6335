import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeSyntheticNin } from '../packages/contracts/src/index.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, pathOf, waitForHeading } from './support/journey.ts';
import { ninOf } from './support/people.ts';

const REASON = 'Funnet bevisstløs i oppgangen, trenger opplysninger før ambulansen kommer';

void describe('a nurse without a care relation uses emergency access', () => {
  const journey = useJourney();

  void it("is refused, breaks the glass with a reason, and the citizen's log shows it", { timeout: 180_000 }, () =>
    journey.visit('nurse-emergency-access', DESKTOP, async ({ page, problems }) => {
      await logInFromLanding(page, 'Siri Sykepleier');
      await waitForHeading(page, 'Arbeidsflate');
      const mine = page.getByRole('region', { name: 'Mine brukere' });
      await mine.getByRole('link', { name: 'Per Hansen' }).waitFor();
      assert.equal(await mine.getByText('Nora Bakken').count(), 0, 'Nora is not one of her users');
      await expectNoAxeViolations(page, 'the staff workspace with her users');

      const lookup = page.getByRole('region', { name: 'Slå opp person' });
      const nin = lookup.getByLabel('Fødselsnummer');
      await nin.fill('07879516337');
      await lookup.getByRole('button', { name: 'Slå opp' }).click();
      await lookup.getByText('Dette er ikke et gyldig fødselsnummer.', { exact: false }).waitFor();
      assert.equal(await nin.getAttribute('aria-invalid'), 'true');

      // A valid number nobody has is refused in the same words as Nora's (issue 10: the answer does not tell who is
      // registered); only a stated emergency reason brings "not found", and no profile.
      await nin.fill(makeSyntheticNin('1901-01-01'));
      await lookup.getByRole('button', { name: 'Slå opp' }).click();
      await lookup.getByRole('alert').getByText('Du har ikke tjenstlig behov').waitFor();
      await lookup.getByRole('button', { name: 'Bruk akuttilgang' }).click();
      await lookup.getByLabel('Begrunnelse').fill(REASON);
      await lookup.getByRole('button', { name: 'Bruk akuttilgang og vis opplysningene' }).click();
      await lookup.getByText('Vi fant ingen innbygger med dette fødselsnummeret.').waitFor();
      assert.equal(pathOf(page), '/ansatt', 'no profile for nobody');

      await nin.fill(ninOf('Nora'));
      await lookup.getByRole('button', { name: 'Slå opp' }).click();
      await lookup.getByRole('alert').getByText('Du har ikke tjenstlig behov').waitFor();
      await lookup
        .getByText('Ingen med dette fødselsnummeret får tjenester fra en enhet du jobber i.', { exact: false })
        .waitFor();
      assert.equal(pathOf(page), '/ansatt', 'no profile without a care relation');
      await expectNoAxeViolations(page, 'the refused lookup');

      await lookup.getByRole('button', { name: 'Bruk akuttilgang' }).click();
      const reason = lookup.getByLabel('Begrunnelse');
      assert.ok(await reason.evaluate((el) => el === document.activeElement), 'the reason field takes focus');
      await lookup.getByText('Innbyggeren ser den i loggen sin', { exact: false }).waitFor();
      await lookup.getByRole('button', { name: 'Bruk akuttilgang og vis opplysningene' }).click();
      await lookup.getByText('Skriv en begrunnelse på minst 10 tegn.').first().waitFor();
      await expectNoAxeViolations(page, 'the emergency access form with a missing reason');

      await reason.fill(REASON);
      await lookup.getByRole('button', { name: 'Bruk akuttilgang og vis opplysningene' }).click();
      await waitForHeading(page, 'Nora Bakken');
      assert.match(pathOf(page), /^\/ansatt\/innbygger\/[0-9a-f-]{36}$/, 'the address carries the id, not the number');
      const banner = page.getByTestId('emergency-banner');
      await banner.getByText('Akuttilgang', { exact: true }).waitFor();
      await banner.getByText(`Begrunnelse: ${REASON}`).waitFor();
      await page.getByRole('region', { name: 'Personopplysninger' }).getByText('Løkkeveien 5').waitFor();
      await expectNoAxeViolations(page, "Nora's profile under emergency access");

      await page.getByRole('link', { name: 'Tilbake til arbeidsflaten' }).click();
      await waitForHeading(page, 'Arbeidsflate');
      await page.getByRole('region', { name: 'Mine brukere' }).getByRole('link', { name: 'Per Hansen' }).click();
      await waitForHeading(page, 'Per Hansen');
      await page.getByText('Tilgang gjennom tjenesteforhold').waitFor();
      assert.equal(await page.getByTestId('emergency-banner').count(), 0);
      assert.deepEqual(problems, []);

      await journey.visit('nora-reads-her-log', PHONE, async (nora) => {
        await logInFromLanding(nora.page, 'Nora Bakken');
        await waitForHeading(nora.page, 'Min side');
        await nora.page
          .getByRole('navigation', { name: 'Min side' })
          .getByRole('link', { name: 'Hvem har sett' })
          .click();
        await waitForHeading(nora.page, 'Hvem har sett opplysningene mine');
        const cards = nora.page.getByRole('list', { name: 'Oppslag og endringer, nyeste først' });
        const emergency = cards.getByRole('listitem').filter({ hasText: 'Akuttilgang' }).first();
        await emergency.getByText('Siri Sykepleier').waitFor();
        await emergency.getByText(/Sykepleier · .*Fjordvik kommune/).waitFor();
        await emergency.getByText(`Begrunnelse: ${REASON}`).waitFor();
        await expectNoAxeViolations(nora.page, "Nora's access log");
        assert.deepEqual(nora.problems, []);
      });
    }),
  );
});
