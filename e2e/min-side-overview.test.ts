import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { logIn } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { openHeaderMenu, pathOf, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

type Appointment = { status: string; startsAt: string; endsAt: string; type: { name: string }; unit: { name: string } };

/** The h1's top edge in CSS pixels from the top of the page (issue 15: within the first 200 on a phone). */
async function headingTop(page: Page): Promise<number> {
  const box = await page.getByRole('heading', { level: 1 }).boundingBox();
  assert.ok(box, 'the heading is laid out');
  return box.y;
}

/** What the store says Min side should show: the next booked appointment and the number of unread messages. */
async function expected(page: Page): Promise<{ next: Appointment | undefined; unread: number }> {
  const list = await apiAs(page.request, 'GET', '/api/appointments');
  assert.equal(list.status, 200);
  const now = Date.now();
  const next = (list.json.appointments as Appointment[])
    .filter((a) => a.status === 'booked' && Date.parse(a.endsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  const conversations = await apiAs(page.request, 'GET', '/api/dialog/conversations');
  assert.equal(conversations.status, 200);
  const unread = (conversations.json.conversations as { unread: number }[]).reduce((n, c) => n + c.unread, 0);
  return { next, unread };
}

/** The overview in one language: each panel, its link, no municipality number, axe clean. */
async function checkOverview(page: Page, lang: { h1: string; next: string; messages: string; label: string }) {
  await waitForHeading(page, lang.h1);
  const { next, unread } = await expected(page);
  assert.ok(next, 'Kari has an upcoming appointment in the demo');
  const nextPanel = page.getByRole('region', { name: lang.next });
  await nextPanel.getByText(`${next.type.name}, ${next.unit.name}`).waitFor();
  assert.equal(
    await nextPanel.getByRole('link').first().getAttribute('href'),
    '/min-side/timeavtaler',
    'the appointment panel links to the appointments',
  );
  const messages = page.getByRole('region', { name: lang.messages });
  await messages.getByTestId('overview-unread').waitFor();
  const text = (await messages.getByTestId('overview-unread').textContent()) ?? '';
  assert.ok(unread === 0 ? !/\d/.test(text) : text.includes(String(unread)), `unread ${unread} in "${text}"`);
  assert.equal(await messages.getByRole('link').first().getAttribute('href'), '/min-side/meldinger');
  await page.getByRole('region', { name: /^(Helsekontakter|Helsekontaktar|Health contacts) / }).waitFor();
  const main = (await page.getByRole('main').textContent()) ?? '';
  assert.doesNotMatch(main, /9901/, 'the municipality number is not shown to the citizen');
  await expectNoAxeViolations(page, `Min side (${lang.label})`);
}

const LANGS = {
  nb: { h1: 'Min side', next: 'Neste time eller besøk', messages: 'Meldinger', label: 'bokmål' },
  nn: { h1: 'Mi side', next: 'Neste time eller besøk', messages: 'Meldingar', label: 'nynorsk' },
  en: { h1: 'My page', next: 'Next appointment or visit', messages: 'Messages', label: 'English' },
};

void describe('Min side as an overview (issue 15)', () => {
  const journey = useJourney();

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    void it(
      `shows the next appointment and unread messages with links, heading in view (${name})`,
      { timeout: 180_000 },
      () =>
        journey.visit(`min-side-overview-${name}`, viewport, async ({ page, problems }) => {
          await logIn(page, 'Kari Nordmann', 'Kari Nordmann');
          await checkOverview(page, LANGS.nb);
          const top = await headingTop(page);
          assert.ok(top < 200, `the heading starts ${top} px from the top`);
          if (name === 'phone') {
            const bar = await page.getByTestId('acting-for').boundingBox();
            assert.ok(bar && bar.height < 60, `the acting banner is one line (${bar?.height} px)`);
            const menu = page.getByRole('banner').getByRole('button', { name: 'Meny' });
            assert.equal(await menu.getAttribute('aria-expanded'), 'false');
            assert.equal(await page.getByRole('button', { name: 'Logg ut' }).isVisible(), false, 'behind the menu');
          }
          await openHeaderMenu(page);
          await page.getByRole('button', { name: 'Logg ut' }).waitFor();
          await page.getByRole('button', { name: 'Nynorsk' }).click();
          await checkOverview(page, LANGS.nn);
          await openHeaderMenu(page);
          await page.getByRole('button', { name: 'English' }).click();
          await checkOverview(page, LANGS.en);
          // The menu closes with a new page; the heading is then in view in English too.
          await page.reload();
          await waitForHeading(page, LANGS.en.h1);
          assert.ok((await headingTop(page)) < 200);

          await page.getByRole('region', { name: LANGS.en.next }).getByRole('link').first().click();
          await page.waitForURL((url) => url.pathname === '/min-side/timeavtaler');
          assert.equal(pathOf(page), '/min-side/timeavtaler');
          await openHeaderMenu(page);
          await page.getByRole('button', { name: 'Bokmål' }).click();
          assert.deepEqual(problems, []);
        }),
    );
  }

  void it(
    'acting for Jonas (14): texts name him, pages his parent cannot use are not in the menu',
    { timeout: 180_000 },
    () =>
      journey.visit('min-side-acting-for-jonas', PHONE, async ({ page, problems }) => {
        await logIn(page, 'Kari Nordmann', 'Jonas Nordmann');
        await page.getByText('Du bruker Helsebro for Jonas Nordmann').waitFor();
        const top = await headingTop(page);
        assert.ok(top < 200, `the heading starts ${top} px from the top while acting for Jonas`);
        const menu = page.getByRole('navigation', { name: 'Min side' });
        await menu.getByRole('link', { name: 'Timeavtaler', exact: true }).waitFor();
        for (const hidden of ['Meldinger', 'Hvem har sett opplysningene']) {
          assert.equal(await menu.getByRole('link', { name: hidden, exact: true }).count(), 0, `no "${hidden}" tab`);
        }
        const conversations = await apiAs(page.request, 'GET', '/api/dialog/conversations');
        assert.equal(conversations.status, 403, 'the server refuses the messages too');
        assert.equal(await page.getByRole('region', { name: 'Meldinger' }).count(), 0, 'no messages panel');
        await page.getByRole('region', { name: LANGS.nb.next }).getByText('Vaksinasjonskontoret').first().waitFor();
        await expectNoAxeViolations(page, 'Min side acting for Jonas');

        await menu.getByRole('link', { name: 'Timeavtaler', exact: true }).click();
        await waitForHeading(page, 'Timeavtalene til Jonas Nordmann');
        await page.getByText('Her ser du timene Jonas Nordmann har hos kommunen').waitFor();
        await page.getByRole('region', { name: 'Historikk' }).waitFor();
        await expectNoAxeViolations(page, 'appointments acting for Jonas');
        assert.deepEqual(problems, []);
      }),
  );
});
