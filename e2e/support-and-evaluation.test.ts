import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, tabTo, waitForCount, waitForHeading } from './support/journey.ts';

const PRODUCT = 'Demojournal AS Demojournal Omsorg';
const EPJ_SUPPORT = { name: 'Demojournal kundesenter', email: 'kunde@demojournal.example', phone: '+47 21 00 00 00' };
const ICT_VENDOR = { name: 'Fjord IKT AS', email: 'hjelp@fjordikt.example', phone: '+47 77 00 11 22' };
/** One request per category, with where it must go (seed 000 §5.1). */
const REQUESTS = [
  { category: 'Teknisk drift av journalsystemet', title: 'Journalen svarer tregt', to: ICT_VENDOR.name },
  { category: 'Funksjoner i journalsystemet', title: 'Hvor finner jeg malene?', to: EPJ_SUPPORT.name },
  { category: 'Helsebro', title: 'Varsler kommer sent', to: 'Helsebro drift' },
] as const;

async function operatorLogin(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`/auth/login?returnTo=${encodeURIComponent(path)}`);
  await chooseTestUser(page, 'Ola Operatør');
  await waitForHeading(page, heading);
}

/** From the staff workspace to support, by keyboard, as any staff member finds it. */
async function openSupport(page: Page, who: string): Promise<void> {
  await logInFromLanding(page, who);
  await waitForHeading(page, 'Arbeidsflate');
  await tabTo(page, 'Brukerstøtte', 80);
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Brukerstøtte');
}

/** What the routing list says for a category. */
async function routedTo(page: Page, category: string): Promise<string> {
  const region = page.getByRole('region', { name: 'Hvem svarer på hva' });
  await region.waitFor();
  return (
    (await region.locator('dt', { hasText: category }).locator('xpath=following-sibling::dd[1]').textContent()) ?? ''
  ).trim();
}

/** Where each request went, the vendor's contact copied on it, the operator's answer, and who did what. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const { rows } = await db.query<{
      title: string;
      routed_to: string;
      recipient_email: string | null;
      status: string;
    }>(
      `SELECT title, routed_to, recipient_email, status FROM support_requests r
         JOIN municipalities m ON m.id = r.municipality_id WHERE m.name = 'Fjordvik kommune' ORDER BY title`,
    );
    assert.deepEqual(rows, [
      { title: 'Hvor finner jeg malene?', routed_to: 'epj_vendor', recipient_email: EPJ_SUPPORT.email, status: 'open' },
      {
        title: 'Journalen svarer tregt',
        routed_to: 'ict_operations_vendor',
        recipient_email: ICT_VENDOR.email,
        status: 'open',
      },
      { title: 'Varsler kommer sent', routed_to: 'operator', recipient_email: null, status: 'answered' },
    ]);
    const product = await db.query<{ support_name: string; support_phone: string }>(
      "SELECT support_name, support_phone FROM epj_products WHERE name = 'Demojournal Omsorg'",
    );
    assert.deepEqual(product.rows, [{ support_name: EPJ_SUPPORT.name, support_phone: EPJ_SUPPORT.phone }]);
    const audited = await db.query<{ action: string; actor_kind: string; n: number }>(
      `SELECT action, actor_kind, count(*)::int AS n FROM audit_log
         WHERE action IN ('epj_product.support_contact.set', 'ict_operations_vendor.set', 'support_request.create',
                          'support_request.reply') AND outcome = 'success'
         GROUP BY action, actor_kind ORDER BY action`,
    );
    assert.deepEqual(audited.rows, [
      { action: 'epj_product.support_contact.set', actor_kind: 'operator', n: 1 },
      { action: 'ict_operations_vendor.set', actor_kind: 'personnel', n: 1 },
      { action: 'support_request.create', actor_kind: 'personnel', n: 3 },
      { action: 'support_request.reply', actor_kind: 'operator', n: 1 },
    ]);
  } finally {
    await db.close();
  }
}

void describe('support routing and the evaluation in the browser (issue 12, seed 000 §5.1 and §7)', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    "staff file a request in each category and see where it went; the operator sees only its own, and the evaluation's charts, tables and CSV",
    { timeout: 400_000 },
    async () => {
      await journey.visit('operator-registers-epj-support', DESKTOP, async ({ page, problems }) => {
        await operatorLogin(page, '/drift/epj-produkter', 'EPJ-produkter');
        const row = page.getByRole('row', { name: /Demojournal Omsorg/ });
        assert.match((await row.textContent()) ?? '', /Ikke registrert/);
        const form = page.getByRole('region', { name: 'Leverandørens brukerstøtte' });
        await form.getByRole('button', { name: 'Lagre brukerstøtten' }).click();
        await page.getByRole('heading', { name: 'Skjemaet har feil' }).waitFor();
        assert.equal(await form.getByLabel('Produktet brukerstøtten gjelder').getAttribute('aria-invalid'), 'true');
        await expectNoAxeViolations(page, 'the EPJ products with the support form refused');
        await form.getByLabel('Produktet brukerstøtten gjelder').selectOption({ label: PRODUCT });
        await form.getByLabel('Navn på brukerstøtten').fill(EPJ_SUPPORT.name);
        await form.getByLabel('E-post').fill(EPJ_SUPPORT.email);
        await form.getByLabel('Telefon').fill(EPJ_SUPPORT.phone);
        await form.getByRole('button', { name: 'Lagre brukerstøtten' }).click();
        await page.getByText(`Brukerstøtten for ${PRODUCT} er lagret.`).waitFor();
        await row.getByText(EPJ_SUPPORT.email, { exact: false }).waitFor();
        await expectNoAxeViolations(page, 'the EPJ products with a support contact');
        assert.deepEqual(problems, []);
      });

      await journey.visit('administrator-registers-ict-vendor', DESKTOP, async ({ page, problems }) => {
        await openSupport(page, 'Astrid Aalberg');
        assert.match(await routedTo(page, REQUESTS[0].category), /Ingen registrert/);
        assert.match(await routedTo(page, REQUESTS[1].category), new RegExp(EPJ_SUPPORT.name));
        await expectNoAxeViolations(page, 'support for the administrator');
        const vendor = page.getByRole('region', { name: 'Kommunens IKT-driftsleverandør' });
        await vendor.getByLabel('Navn').fill(ICT_VENDOR.name);
        await vendor.getByLabel('E-post').fill(ICT_VENDOR.email);
        await vendor.getByLabel('Telefon').fill(ICT_VENDOR.phone);
        await vendor.getByRole('button', { name: 'Lagre leverandøren' }).click();
        await page.getByText('IKT-driftsleverandøren er lagret.').waitFor();
        assert.equal(
          await routedTo(page, REQUESTS[0].category),
          `IKT-driftsleverandøren · ${ICT_VENDOR.name} · ${ICT_VENDOR.email} · ${ICT_VENDOR.phone}`,
        );
        assert.deepEqual(problems, []);
      });

      await journey.visit('nurse-files-support-requests', DESKTOP, async ({ page, problems }) => {
        await openSupport(page, 'Siri Sykepleier');
        // A nurse sees whom to ask but may not change the vendor.
        assert.equal(await page.getByRole('region', { name: 'Kommunens IKT-driftsleverandør' }).count(), 0);
        assert.equal(
          await routedTo(page, REQUESTS[1].category),
          `EPJ-leverandøren · ${EPJ_SUPPORT.name} · ${EPJ_SUPPORT.email} · ${EPJ_SUPPORT.phone}`,
        );
        const form = page.getByRole('region', { name: 'Send en henvendelse' });
        await form.getByRole('button', { name: 'Send henvendelsen' }).click();
        await page.getByRole('heading', { name: 'Sjekk skjemaet' }).waitFor();
        assert.equal(await form.getByLabel('Overskrift').getAttribute('aria-invalid'), 'true');
        await expectNoAxeViolations(page, 'the support form refused');

        const list = page.getByRole('region', { name: 'Kommunens henvendelser' });
        for (const [i, r] of REQUESTS.entries()) {
          await form.getByLabel('Hva gjelder det?').selectOption({ label: r.category });
          await form.getByLabel('Enhet (valgfritt)').selectOption({ label: 'Hjemmesykepleien' });
          await form.getByLabel('Overskrift').fill(r.title);
          await form.getByLabel('Beskrivelse').fill('Gjelder hele enheten, ingen innbyggere.');
          // Sent with the keyboard: Enter on the focused button.
          await form.getByRole('button', { name: 'Send henvendelsen' }).focus();
          await page.keyboard.press('Enter');
          await page.getByRole('status').getByText(`Henvendelsen er sendt til ${r.to}.`).waitFor();
          assert.equal(await waitForCount(list.getByRole('article'), i + 1), i + 1);
          const filed = list.getByRole('article', { name: r.title });
          assert.match((await filed.textContent()) ?? '', new RegExp(`Sendt til.*${r.to}`));
        }
        const epj = list.getByRole('article', { name: REQUESTS[1].title });
        assert.match((await epj.textContent()) ?? '', new RegExp(EPJ_SUPPORT.phone.replace('+', '\\+')));
        await expectNoAxeViolations(page, 'the requests filed');
        assert.deepEqual(problems, []);
      });

      await journey.visit('operator-support-and-evaluation', DESKTOP, async ({ page, problems }) => {
        await operatorLogin(page, '/drift/support', 'Brukerstøtte: henvendelser til driften');
        await page.getByRole('button', { name: 'English' }).first().click();
        await waitForHeading(page, 'Support: requests to operations');
        // Only the request routed to the operator; the vendors' two are not in its queue.
        const queue = page.getByRole('article');
        assert.equal(await waitForCount(queue, 1), 1);
        const mine = page.getByRole('article', { name: REQUESTS[2].title });
        assert.match((await mine.textContent()) ?? '', /Fjordvik kommune/);
        for (const other of REQUESTS.slice(0, 2)) {
          assert.equal(await page.getByText(other.title).count(), 0, `${other.title} is not the operator's`);
        }
        await expectNoAxeViolations(page, "the operator's support queue");
        await mine.getByLabel(`Answer to “${REQUESTS[2].title}”`).fill('Vi undersøker varslingskøen.');
        await mine.getByRole('button', { name: 'Send answer' }).click();
        await page.getByRole('status').getByText(`The answer to “${REQUESTS[2].title}” was sent.`).waitFor();
        // The queue shows open requests; the answered one shows under "All".
        await page.getByLabel('Status').selectOption({ label: 'All' });
        await mine.getByText('Answered', { exact: true }).waitFor();

        await page.goto('/drift/evaluering');
        await waitForHeading(page, 'Evaluation');
        const section = page.getByRole('region', { name: 'Logins', exact: true });
        // The chart is inline SVG with a title, so a screen reader has it as one image.
        const chart = section.locator('svg[role="img"]');
        assert.match((await chart.getAttribute('aria-labelledby')) ?? '', /chart-portal-title/);
        await section.getByRole('img', { name: /Active citizens – Logins/ }).waitFor();
        await chart.waitFor();
        const table = section.getByRole('table', { name: 'All figures for Logins' });
        const fjordvik = table.getByRole('row', { name: /Fjordvik kommune/ });
        const active = ((await fjordvik.locator('[data-measure="active_citizens"]').textContent()) ?? '').trim();
        assert.match(active, /^\d+$/);
        // The chart says the same number as the table, in text (readable without colour).
        assert.match((await chart.textContent()) ?? '', new RegExp(`Fjordvik kommune: ${active}`));
        await expectNoAxeViolations(page, 'the evaluation');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download the figures as CSV' }).click(),
        ]);
        assert.match(download.suggestedFilename(), /^helsebro-evaluering-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
        const csv = (await readFile(await download.path())).toString('utf8').split('\r\n');
        assert.equal(csv[0], 'from,to,municipality_id,municipality,service,measure,value');
        const line = csv.find((l) => /,Fjordvik kommune,portal,active_citizens,/.test(l));
        assert.equal(line?.split(',').at(-1), active, 'the CSV has the number the table shows');
        assert.deepEqual(problems, []);
      });
    },
  );
});
