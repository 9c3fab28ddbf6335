import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, openHeaderMenu, waitForHeading } from './support/journey.ts';
import { apiAs, ninOf } from './support/people.ts';
import { freePort } from './support/server.ts';

/** A small well-formed PDF of one empty page. */
function smallPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), Buffer.alloc(3000, 0x41)]);
const TITLE = 'Vedtak om hjemmesykepleie';
const PRINT_TITLE = 'Innkalling til kartleggingssamtale';

/** A received mail as readable text (quoted-printable and encoded words decoded). */
function readableMail(raw: string): string {
  const qp = (s: string) =>
    s
      .replace(/=\r?\n/g, '')
      .replace(/(?:=[0-9A-F]{2})+/gi, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));
  const words = raw.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
  const base64Parts = (raw.match(/(?:^[A-Za-z0-9+/=]{16,}\r?\n)+/gm) ?? []).map((b) =>
    Buffer.from(b.replace(/\s/g, ''), 'base64').toString('utf8'),
  );
  return [qp(words), ...base64Parts].join('\n');
}

const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer | undefined;
const env: Record<string, string> = {};

async function mailTo(to: RegExp, timeoutMs = 30_000): Promise<{ to: string[]; raw: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = mails.find((m) => m.to.some((a) => to.test(a)));
    if (found) {
      return found;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${String(to)} within ${timeoutMs} ms; got ${JSON.stringify(mails.map((m) => m.to))}`);
}

/** What the journey left: Ingrid's letter on Helsebro, opened by her; Knut's queued for print with its reason. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = (
      await db.query<{ given: string; title: string; channel: string; reason: string; read_by: string | null }>(
        `SELECT p.given_name AS given, l.title, l.channel, l.channel_reason AS reason, r.given_name AS read_by
           FROM letters l JOIN persons p ON p.id = l.person_id LEFT JOIN persons r ON r.id = l.read_by_person_id
          ORDER BY l.created_at`,
      )
    ).rows;
    assert.deepEqual(rows, [
      { given: 'Ingrid', title: TITLE, channel: 'portal', reason: 'portal_active', read_by: 'Ingrid' },
      { given: 'Knut', title: PRINT_TITLE, channel: 'print', reason: 'portal_never_used', read_by: null },
    ]);
    const opened = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log a JOIN persons p ON p.id = a.subject_person_id
          WHERE a.action = 'letter.open' AND a.outcome = 'success' AND p.given_name = 'Ingrid'`,
      )
    ).rows;
    assert.ok((opened[0]?.n ?? 0) >= 1, 'opening is audited with Ingrid as subject');
  } finally {
    await db.close();
  }
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Min side' });

void describe('a nurse sends a letter; the citizen gets a content-free notice and reads it on her phone', () => {
  before(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(port, '127.0.0.1', resolve));
    env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });
  const journey = useJourney(env, { inspectStore });

  void it(
    'Ingrid has used Helsebro; Siri sends her a letter and one to Knut; Ingrid is notified and opens it',
    { timeout: 300_000 },
    async () => {
      // Ingrid on her phone: she uses Helsebro and wants notices by e-mail; no letters yet.
      await journey.visit('letters-citizen-before', PHONE, async ({ page }) => {
        await logInFromLanding(page, 'Ingrid Berg');
        await waitForHeading(page, 'Min side');
        await nav(page).getByRole('link', { name: 'Varsler' }).click();
        await waitForHeading(page, 'Varsler');
        await page.getByRole('radio', { name: /^E-post/ }).check();
        await page.getByRole('button', { name: 'Lagre' }).click();
        await page.getByRole('status').getByText('Valgene dine er lagret.').waitFor();
        await nav(page).getByRole('link', { name: /^Brev/ }).click();
        await waitForHeading(page, 'Brev');
        await page.getByText('Du har ingen brev.').waitFor();
        await expectNoAxeViolations(page, 'letters, empty (phone)');
      });

      await journey.visit('letters-nurse', DESKTOP, async ({ page }) => {
        await logInFromLanding(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');
        await page.getByRole('link', { name: 'Brev til innbyggere' }).click();
        await waitForHeading(page, 'Brev til innbyggere');
        await page.getByText('Ingen brev venter på utskrift.').waitFor();
        await expectNoAxeViolations(page, 'staff letters');

        const form = page.getByRole('region', { name: 'Send brev' });
        await form.getByRole('textbox', { name: /^Fødselsnummer/ }).fill(ninOf('Ingrid'));
        await form.getByRole('textbox', { name: 'Tittel' }).fill(TITLE);
        // A program named .pdf: the server reads the bytes and refuses it at the file field.
        await form
          .getByLabel('Brevet som PDF')
          .setInputFiles({ name: 'vedtak.pdf', mimeType: 'application/pdf', buffer: EXE });
        await form.getByRole('button', { name: 'Send brevet' }).click();
        await form.getByText('Filen er ikke en PDF. Vi sjekker innholdet i filen, ikke navnet.').waitFor();
        await expectNoAxeViolations(page, 'staff letters, refused file');

        await form
          .getByLabel('Brevet som PDF')
          .setInputFiles({ name: 'vedtak.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
        await form.getByRole('button', { name: 'Send brevet' }).click();
        await page
          .getByTestId('letter-result')
          .getByText('Brevet til Ingrid Berg er sendt i Helsebro, med varsel på SMS eller e-post.')
          .waitFor();

        await form.getByRole('textbox', { name: /^Fødselsnummer/ }).fill(ninOf('Knut'));
        await form.getByRole('textbox', { name: 'Tittel' }).fill(PRINT_TITLE);
        await form.getByRole('combobox', { name: 'Type brev' }).selectOption('ordinary');
        await form
          .getByLabel('Brevet som PDF')
          .setInputFiles({ name: 'innkalling.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
        await form.getByRole('button', { name: 'Send brevet' }).click();
        await page
          .getByTestId('letter-result')
          .getByText(
            /Brevet til Knut Dahl skal skrives ut og sendes i posten\. Grunn: Innbyggeren har aldri logget inn/,
          )
          .waitFor();
        const printList = page.getByTestId('print-list');
        await printList.getByText(PRINT_TITLE, { exact: true }).waitFor();
        await printList.getByText('Knut Dahl').waitFor();
        await printList.getByRole('link', { name: `Last ned «${PRINT_TITLE}»` }).waitFor();
        const sent = page.getByTestId('letters-sent');
        await sent
          .getByRole('row', { name: new RegExp(TITLE) })
          .getByText('Levert i Helsebro')
          .waitFor();
        await expectNoAxeViolations(page, 'staff letters, sent and print list');
      });

      // The notice: to Ingrid's e-mail in KRR, saying only who sent it, nothing of the letter.
      const mail = readableMail((await mailTo(/^ingrid\.berg\.\d{3}@example\.com$/)).raw);
      assert.match(mail, /Du har fått brev fra Fjordvik kommune\. Logg inn på Helsebro for å lese det\./);
      for (const secret of [TITLE, 'hjemmesykepleie', 'Hjemmesykepleien', 'Siri', 'Ingrid']) {
        assert.ok(!mail.includes(secret), `the notice does not contain ${secret}`);
      }

      await journey.visit('letters-citizen', PHONE, async ({ page }) => {
        await logInFromLanding(page, 'Ingrid Berg');
        await waitForHeading(page, 'Min side');
        await page.getByTestId('overview-unread-letters').getByText('Du har 1 ulest brev.').waitFor();
        await nav(page)
          .getByRole('link', { name: /^Brev\W+1 ulest$/ })
          .click();
        await waitForHeading(page, 'Brev');
        const link = page.getByRole('link', { name: new RegExp(`^Ulest Åpne «${TITLE}» \\(PDF`) });
        await link.waitFor();
        await page
          .locator('.hb-conversations__item--unread')
          .getByText('Fra Hjemmesykepleien, Fjordvik kommune')
          .waitFor();
        await expectNoAxeViolations(page, 'letters, one unread (phone)');
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const path = await download.path();
        const { readFile } = await import('node:fs/promises');
        assert.equal((await readFile(path)).subarray(0, 5).toString('latin1'), '%PDF-');
        await page.getByText(/^Lest /).waitFor();
        const list = await apiAs(page.request, 'GET', '/api/letters');
        assert.equal(list.json.unread, 0, 'the server has it read');

        await openHeaderMenu(page);
        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await waitForHeading(page, 'Brev');
        await page.getByRole('link', { name: new RegExp(`^Opne «${TITLE}»`) }).waitFor();
        await page.getByText('Frå Hjemmesykepleien, Fjordvik kommune').waitFor();
        await expectNoAxeViolations(page, 'letters (nynorsk)');
        await openHeaderMenu(page);
        await page.getByRole('button', { name: 'English' }).click();
        await waitForHeading(page, 'Letters');
        await page.getByRole('link', { name: new RegExp(`^Open “${TITLE}”`) }).waitFor();
        await expectNoAxeViolations(page, 'letters (English)');
      });

      // Anne holds Per's fullmakt for the digital health services only: no letters tab, and the API says why.
      await journey.visit('letters-proxy', PHONE, async ({ page }) => {
        await logInFromLanding(page, 'Anne Hansen');
        await page
          .getByRole('button', { name: /Per Hansen/ })
          .first()
          .click();
        await waitForHeading(page, 'Min side');
        await nav(page)
          .getByRole('link', { name: /^Meldinger/ })
          .waitFor();
        assert.equal(await nav(page).getByRole('link', { name: /^Brev/ }).count(), 0, 'no letters tab');
        const refused = await apiAs(page.request, 'GET', '/api/letters');
        assert.equal(refused.status, 403);
        assert.equal(refused.json.code, 'service_area_not_granted');
      });
    },
  );
});
