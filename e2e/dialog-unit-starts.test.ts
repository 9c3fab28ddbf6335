import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, pathOf, tabTo, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

const SUBJECT = 'Besøk tirsdag formiddag';
const TEXT = 'Hei Ingrid! Vi kommer tirsdag kl. 10 for å se på medisinene. Svar gjerne om det ikke passer.';
const ANSWER = 'Det passer fint, døren er åpen.';
const ABSENT_SUBJECT = 'Spørsmål mens dere er stengt';
const ABSENT_TEXT = 'Hvem ringer jeg hvis dosetten er tom?';
const AUTO_REPLY = 'Vi svarer innen én virkedag. Haster det, ring oss. Ved fare for liv og helse: ring 113.';

/** The ISO weekday (1 = Monday) of tomorrow in Oslo: a unit open only then is closed now, whatever the hour. */
const osloTomorrowWeekday = () => {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', weekday: 'short' }).format(
    new Date(Date.now() + 86_400_000),
  );
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(day) + 1;
};

const WEEKDAYS = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];

/** What the journeys left in the store: who started Siri's conversation, and the automatic reply as the unit's. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string) => (await db.query<T>(sql)).rows;
    const started = await rows<{ by_person: boolean; by: string }>(
      `SELECT c.started_by_person_id IS NOT NULL AS by_person, p.given_name AS by FROM dialog_conversations c
       JOIN personnel p ON p.id = c.started_by_personnel_id WHERE c.subject = '${SUBJECT}'`,
    );
    assert.deepEqual(started, [{ by_person: false, by: 'Siri' }]);
    const messages = await rows<{ from_side: string; automatic: boolean; author: string | null }>(
      `SELECT m.from_side, m.automatic, m.author_personnel_id::text AS author FROM dialog_messages m
       JOIN dialog_conversations c ON c.id = m.conversation_id WHERE c.subject = '${ABSENT_SUBJECT}'
       ORDER BY m.created_at`,
    );
    assert.deepEqual(messages, [
      { from_side: 'citizen', automatic: false, author: null },
      { from_side: 'unit', automatic: true, author: null },
    ]);
  } finally {
    await db.close();
  }
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Min side' });

void describe('home care starts a conversation with a citizen; its automatic reply while closed', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'Siri writes to Ingrid from her page in the staff workspace; Ingrid reads it and answers',
    { timeout: 240_000 },
    () =>
      journey.visit('dialog-unit-starts-nurse', DESKTOP, async ({ page }) => {
        await logInFromLanding(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');
        await page.getByRole('region', { name: 'Mine brukere' }).getByRole('link', { name: 'Ingrid Berg' }).click();
        await waitForHeading(page, 'Ingrid Berg');
        const form = page.getByRole('region', { name: 'Ny melding til innbygger' });
        await form.getByText('Fra enhet: Hjemmesykepleien').waitFor();
        await expectNoAxeViolations(page, "the citizen's page with the new message form");

        // Nothing filled in: each field says what is missing, at the field and in the summary, which takes focus.
        await form.getByRole('button', { name: 'Start samtale' }).click();
        const summary = page.locator('.hb-error-summary');
        for (const text of ['Skriv et emne.', 'Skriv en melding. Den kan ikke være tom.']) {
          await summary.getByRole('link', { name: text }).waitFor();
        }
        assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary takes focus');
        const subject = form.getByRole('textbox', { name: /^Emne/ });
        assert.equal(await subject.getAttribute('aria-invalid'), 'true');
        await expectNoAxeViolations(page, 'the new message form with errors');

        // By keyboard: the fields are labelled, and Tab reaches the button.
        await subject.fill(SUBJECT);
        await form.getByRole('textbox', { name: /^Melding/ }).fill(TEXT);
        await tabTo(page, 'Start samtale');
        await page.keyboard.press('Enter');

        await waitForHeading(page, SUBJECT);
        assert.match(pathOf(page), /^\/ansatt\/innboks\/[0-9a-f-]{36}$/);
        const mine = page.locator('.hb-message--own');
        await mine.getByText(TEXT, { exact: true }).waitFor();
        await mine.getByText('Ikke lest av innbygger ennå').waitFor();
        await expectNoAxeViolations(page, 'the conversation Siri started');

        // Ingrid is notified as for any message from the unit, finds it among her messages, reads and answers.
        await journey.visit('dialog-unit-starts-citizen', DESKTOP, async (citizen) => {
          const p = citizen.page;
          await logInFromLanding(p, 'Ingrid Berg');
          await waitForHeading(p, 'Min side');
          await nav(p)
            .getByRole('link', { name: /^Meldinger/ })
            .click();
          await waitForHeading(p, 'Meldinger');
          await p.getByRole('link', { name: new RegExp(SUBJECT) }).click();
          await waitForHeading(p, SUBJECT);
          await p.locator('.hb-message--unit').getByText(TEXT, { exact: true }).waitFor();
          await p.getByText('Siri Sykepleier, Hjemmesykepleien').waitFor();
          await expectNoAxeViolations(p, "the citizen's view of the conversation the unit started");
          await p.getByRole('textbox', { name: /^Svaret ditt/ }).fill(ANSWER);
          await p.getByRole('button', { name: 'Send svar' }).click();
          await p.getByRole('status').getByText('Svaret er sendt.').waitFor();
        });

        // Siri sees that Ingrid read it, and her answer.
        await page.reload();
        await waitForHeading(page, SUBJECT);
        await page.locator('.hb-message--citizen').getByText(ANSWER, { exact: true }).waitFor();
        await mine.getByText(/^Lest av innbygger/).waitFor();
      }),
  );

  void it(
    "while the unit is closed, Ingrid's new message gets the unit's automatic reply, labelled, on both sides",
    { timeout: 240_000 },
    () =>
      journey.visit('dialog-auto-reply-leader', DESKTOP, async ({ page }) => {
        // Tone, the unit's leader, sets the unit's weekly hours in "Min enhet", reached by the workspace's menu:
        // open only tomorrow, so it is closed now whatever the time of day the journey runs at.
        await page.goto('/');
        await page.getByRole('link', { name: 'Logg inn' }).click();
        await chooseTestUser(page, 'Tone Leder');
        await waitForHeading(page, 'Arbeidsflate');
        const menu = page.getByRole('navigation', { name: 'Arbeidsflaten' });
        assert.equal(await menu.getByRole('link', { name: 'Oversikt' }).getAttribute('aria-current'), 'page');
        assert.equal(await menu.getByRole('link', { name: 'Administrasjon' }).count(), 0, 'not an administrator');
        await menu.getByRole('link', { name: 'Min enhet' }).click();
        await waitForHeading(page, 'Min enhet');
        assert.equal(await menu.getByRole('link', { name: 'Min enhet' }).getAttribute('aria-current'), 'page');
        await page.getByRole('heading', { level: 2, name: 'Hjemmesykepleien' }).waitFor();
        const settings = page.getByRole('region', { name: 'Kontakt og dialog' });
        const tomorrow = WEEKDAYS[osloTomorrowWeekday() - 1]!;
        await settings.getByLabel(`${tomorrow} åpent`).focus();
        await page.keyboard.press('Space');
        await settings.getByLabel(`${tomorrow} åpner`).fill('08:00');
        await settings.getByLabel(`${tomorrow} stenger`).fill('15:00');
        await settings.getByRole('button', { name: 'Lagre kontakt og dialog' }).click();
        await settings.getByText('Kontakt og dialog er lagret.').waitFor();
        await expectNoAxeViolations(page, "the unit leader's own unit page");
        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await waitForHeading(page, 'Eininga mi');
        await expectNoAxeViolations(page, 'Eininga mi (nynorsk)');
        await page.getByRole('button', { name: 'English' }).click();
        await waitForHeading(page, 'My unit');
        await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'My unit' }).waitFor();
        await expectNoAxeViolations(page, 'My unit (English)');
        await page.getByRole('button', { name: 'Bokmål' }).click();
        await waitForHeading(page, 'Min enhet');
        const units = (await apiAs(page.request, 'GET', '/api/staff/dialog/units')).json.units as {
          id: string;
          name: string;
        }[];
        const homeCare = units.find((u) => u.name === 'Hjemmesykepleien')!;
        const saved = (await apiAs(page.request, 'GET', `/api/staff/dialog/units/${homeCare.id}/settings`)).json;
        assert.deepEqual(saved.weeklyHours, [{ weekday: osloTomorrowWeekday(), opens: '08:00', closes: '15:00' }]);
        assert.equal(saved.closedNow, true);
        assert.equal(saved.absentNow, false);
        // Her menu leads on to the inbox, and back to the overview, without the front page in between.
        await menu.getByRole('link', { name: 'Innboks' }).click();
        await waitForHeading(page, 'Innboks');
        await menu.getByRole('link', { name: 'Oversikt' }).click();
        await waitForHeading(page, 'Arbeidsflate');

        await journey.visit('dialog-auto-reply-citizen', DESKTOP, async (citizen) => {
          const p = citizen.page;
          await logInFromLanding(p, 'Ingrid Berg');
          await waitForHeading(p, 'Min side');
          await nav(p)
            .getByRole('link', { name: /^Meldinger/ })
            .click();
          await waitForHeading(p, 'Meldinger');
          await p.getByRole('link', { name: 'Skriv ny melding' }).click();
          await waitForHeading(p, 'Ny melding');
          await p.getByRole('radio', { name: /^Hjemmesykepleien/ }).check();
          // Told before sending that the unit is closed now.
          await p.getByText('Enheten er stengt nå og svarer når den åpner.').waitFor();
          await p.getByRole('textbox', { name: /^Emne/ }).fill(ABSENT_SUBJECT);
          await p.getByRole('textbox', { name: /^Melding/ }).fill(ABSENT_TEXT);
          await p.getByRole('button', { name: 'Send melding' }).click();
          await waitForHeading(p, ABSENT_SUBJECT);
          const automatic = p.locator('.hb-message--unit');
          await automatic.getByText('Automatisk svar', { exact: true }).waitFor();
          await automatic.getByText(AUTO_REPLY, { exact: true }).waitFor();
          await p.getByRole('article', { name: /^Hjemmesykepleien, Automatisk svar/ }).waitFor();
          // Shown once, as the message: not again above the thread.
          assert.equal(await p.getByText(AUTO_REPLY, { exact: true }).count(), 1);
          await expectNoAxeViolations(p, 'the conversation with the automatic reply');
        });

        await journey.visit('dialog-auto-reply-nurse', DESKTOP, async (nurse) => {
          const p = nurse.page;
          await logInFromLanding(p, 'Siri Sykepleier');
          await waitForHeading(p, 'Arbeidsflate');
          // A nurse is not a unit leader: no "Min enhet" in her menu, and the page tells her why if she goes there.
          const menu = p.getByRole('navigation', { name: 'Arbeidsflaten' });
          await menu.getByRole('link', { name: 'Mine besøk' }).waitFor();
          assert.equal(await menu.getByRole('link', { name: 'Min enhet' }).count(), 0);
          await p.goto('/ansatt/enhet');
          await waitForHeading(p, 'Min enhet');
          await p.getByRole('heading', { name: 'Bare for enhetsledere' }).waitFor();
          assert.equal(await p.getByRole('region', { name: 'Kontakt og dialog' }).count(), 0);
          await menu.getByRole('link', { name: 'Oversikt' }).click();
          await waitForHeading(p, 'Arbeidsflate');
          const panel = p.getByRole('region', { name: 'Innboks' });
          await panel.getByRole('link', { name: 'Gå til innboksen' }).click();
          await waitForHeading(p, 'Innboks');
          // The unit has not answered: Ingrid's message is still unread there.
          const row = p.getByRole('row', { name: new RegExp(ABSENT_SUBJECT) });
          await row.getByRole('cell', { name: '1 ulest' }).waitFor();
          await row.getByRole('link', { name: ABSENT_SUBJECT }).click();
          await waitForHeading(p, ABSENT_SUBJECT);
          const automatic = p.getByRole('article', { name: /^Hjemmesykepleien, Automatisk svar/ });
          await automatic.getByText('Automatisk svar', { exact: true }).waitFor();
          await automatic.getByText(AUTO_REPLY, { exact: true }).waitFor();
          await expectNoAxeViolations(p, 'the staff thread with the automatic reply');
        });
      }),
  );
});
