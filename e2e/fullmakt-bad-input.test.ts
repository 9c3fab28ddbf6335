import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { makeSyntheticNin } from '../packages/contracts/src/index.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading } from './support/journey.ts';
import { ninOf } from './support/people.ts';

const NIN_LABEL = 'Fødselsnummeret til den som skal få fullmakten';

void describe('giving a fullmakt with bad input', () => {
  const journey = useJourney();

  void it('names the rule at the field for each mistake, then gives one', { timeout: 180_000 }, () =>
    journey.visit('fullmakt-bad-input', PHONE, async ({ page, problems }) => {
      const posts: string[] = [];
      page.on('request', (req) => {
        if (req.method() === 'POST' && req.url().endsWith('/api/fullmakter')) {
          posts.push(req.url());
        }
      });
      await logInFromLanding(page, 'Kari Nordmann');
      await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
      await page.getByRole('button', { name: 'Velg Kari Nordmann' }).click();
      await page.waitForURL((url) => url.pathname === '/min-side');
      await page.getByRole('navigation', { name: 'Min side' }).getByRole('link', { name: 'Fullmakter' }).click();
      await waitForHeading(page, 'Fullmakter');
      await page.getByRole('link', { name: 'Gi en fullmakt' }).click();
      await waitForHeading(page, 'Gi en fullmakt');
      await expectNoAxeViolations(page, 'the fullmakt form');

      await page.getByRole('button', { name: 'Gi fullmakt' }).click();
      await expectFieldError(page, NIN_LABEL, 'Skriv fødselsnummeret til den som skal få fullmakten.');
      await page.getByText('Velg minst ett tjenesteområde.').first().waitFor();
      assert.ok(
        await page.locator('.hb-error-summary').evaluate((el) => el === document.activeElement),
        'the error summary takes focus',
      );
      await expectNoAxeViolations(page, 'the fullmakt form with errors');

      await page.getByLabel(NIN_LABEL).fill('14838510037');
      await areas(page).getByText('Digitale helsetjenester', { exact: true }).click();
      await page.getByRole('button', { name: 'Gi fullmakt' }).click();
      await expectFieldError(
        page,
        NIN_LABEL,
        'Dette er ikke et gyldig fødselsnummer. Sjekk at alle sifrene er riktige.',
      );
      assert.deepEqual(posts, [], 'the checksum is checked before anything is sent');

      // Refused by the name lookup already, at the field, without a name (issue 15).
      const cases: [string, string][] = [
        [makeSyntheticNin('1931-02-03'), 'Vi fant ingen person med dette fødselsnummeret i Folkeregisteret.'],
        [ninOf('Kari'), 'Du kan ikke gi fullmakt til deg selv.'],
        [ninOf('Emma'), 'Den som får fullmakt, må være minst 18 år.'],
        [ninOf('Eva'), 'Fullmakt er ikke mulig når en av dere har fortrolig eller strengt fortrolig adresse.'],
      ];
      for (const [nin, message] of cases) {
        await page.getByLabel(NIN_LABEL).fill(nin);
        await page.getByRole('button', { name: 'Gi fullmakt' }).click();
        await expectFieldError(page, NIN_LABEL, message);
      }
      await expectNoAxeViolations(page, "the fullmakt form with the server's refusal");

      await page.getByLabel(NIN_LABEL).fill(ninOf('Ola'));
      await page.getByText('Til og med en bestemt dag', { exact: true }).click();
      await page.getByRole('button', { name: 'Gi fullmakt' }).click();
      await page.getByText('Velg siste dag fullmakten skal gjelde.').first().waitFor();
      await page.getByLabel('Siste dag').fill('2099-12-31');
      await page.getByRole('button', { name: 'Gi fullmakt' }).click();
      // The register's name before anything is given; the button names the person.
      await page.getByRole('status').getByText('Ola Nordmann').waitFor();
      assert.deepEqual(posts, [], 'nothing given before the name is shown');
      await expectNoAxeViolations(page, 'the fullmakt form showing the name');
      await page.getByRole('button', { name: 'Gi fullmakt til Ola Nordmann' }).click();
      await waitForHeading(page, 'Fullmakter');
      await page.getByRole('status').getByText('Du har gitt Ola Nordmann fullmakt.').waitFor();
      const toOla = page
        .getByRole('region', { name: 'Fullmakter du har gitt' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Til Ola Nordmann' }) });
      await toOla.getByText('Digitale helsetjenester').waitFor();
      await toOla.getByText('til og med 31. desember 2099', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'the fullmakter after giving one');

      await page.getByRole('link', { name: 'Gi en fullmakt' }).click();
      await page.getByLabel(NIN_LABEL).fill(ninOf('Ola'));
      await areas(page).getByText('Digitale helsetjenester', { exact: true }).click();
      await page.getByRole('button', { name: 'Gi fullmakt' }).click();
      await page.getByRole('button', { name: 'Gi fullmakt til Ola Nordmann' }).click();
      // The areas' error stands above the group, and each checkbox is described by it.
      const overlap = 'Du har allerede gitt denne personen fullmakt';
      await page.locator('form').getByText(overlap, { exact: false }).waitFor();
      await expectDescribedBy(page, areas(page).getByRole('checkbox').first(), overlap);

      assert.deepEqual(problems, []);
    }),
  );
});

function areas(page: Page) {
  return page.getByRole('group', { name: 'Hva skal fullmakten gjelde?' });
}

/** The message stands at the field (and in the summary), and the field is marked invalid and described by it. */
async function expectFieldError(page: Page, label: string, message: string): Promise<void> {
  await page.locator('.hb-error-summary').getByRole('link', { name: message }).waitFor();
  const field = page.getByLabel(label);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await expectDescribedBy(page, field, message);
}

async function expectDescribedBy(page: Page, field: Locator, message: string): Promise<void> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  assert.ok(
    texts.some((text) => text?.includes(message)),
    `the field is described by "${message}" (it says: ${texts.join(' | ')})`,
  );
}
