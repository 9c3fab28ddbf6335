import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

/** The language group's choices by their visible text, each checked in turn and saved. */
async function chooseEach(page: Page, legend: string, save: string, saved: string, names: [string, string][]) {
  const group = page.getByRole('group', { name: legend });
  for (const [name, code] of names) {
    const text = group.getByText(name, { exact: true });
    await group.getByRole('radio').first().waitFor();
    assert.ok(await text.isVisible(), `"${name}" is shown`);
    const box = await text.boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `"${name}" takes space on the page`);
    await text.click();
    assert.equal(await group.getByRole('radio', { name, exact: true }).isChecked(), true, `"${name}" is chosen`);
    await page.getByRole('button', { name: save, exact: true }).click();
    await page.getByRole('status').getByText(saved).waitFor();
    const stored = await apiAs(page.request, 'GET', '/api/me/notification-preferences');
    assert.equal(stored.json.language, code);
  }
}

void describe('notification language', () => {
  const journey = useJourney();

  void it('shows each language choice by name, selectable, saved, in nb, nn and en', { timeout: 240_000 }, () =>
    journey.visit('notification-language', DESKTOP, async ({ page, problems }) => {
      await logInFromLanding(page, 'Nora Bakken');
      await waitForHeading(page, 'Min side');
      await page.goto('/min-side/varsler');
      await waitForHeading(page, 'Varsler');
      await chooseEach(page, 'Hvilket språk skal varslene være på?', 'Lagre', 'Valgene dine er lagret.', [
        ['Nynorsk', 'nn'],
        ['Engelsk', 'en'],
        ['Bokmål', 'nb'],
      ]);
      await expectNoAxeViolations(page, 'notification preferences');

      await page.getByRole('button', { name: 'Nynorsk' }).first().click();
      await waitForHeading(page, 'Varsel');
      const nn = page.getByRole('group', { name: 'Kva språk skal varsla vere på?' });
      assert.equal(await nn.getByRole('radio', { name: 'Bokmål', exact: true }).isChecked(), true);
      await expectNoAxeViolations(page, 'notification preferences in nynorsk');

      await page.getByRole('button', { name: 'English' }).first().click();
      await waitForHeading(page, 'Notifications');
      await chooseEach(page, 'Which language should notifications be in?', 'Save', 'Your choices have been saved.', [
        ['Norwegian Nynorsk', 'nn'],
      ]);
      await expectNoAxeViolations(page, 'notification preferences in English');
      await page.reload();
      await waitForHeading(page, 'Notifications');
      const en = page.getByRole('group', { name: 'Which language should notifications be in?' });
      assert.equal(await en.getByRole('radio', { name: 'Norwegian Nynorsk', exact: true }).isChecked(), true);
      await page.getByRole('button', { name: 'Bokmål' }).first().click();
      assert.deepEqual(problems, []);
    }),
  );
});
