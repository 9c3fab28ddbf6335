import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { createEpjSimulator } from '../packages/server/src/cli/epj-sim.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';
import { freePort } from './support/server.ts';

/** A small, well-formed PDF (one empty page), built with correct xref offsets. */
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

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A Windows executable's header, named like a PDF. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4000, 0x41)]);
const ELEVEN_MB = Buffer.alloc(11 * 1024 * 1024, 0x20);

const SUBJECT = 'Spørsmål om medisinlisten';
const TEXT = 'Hei! Jeg lurer på dosen. <script>alert("xss")</script> <b>fet</b> <img src=x onerror=alert(2)>';
const REPLY = 'Vi ser på medisinlisten og ringer deg i morgen formiddag.';
const PROXY_SUBJECT = 'Besøkstider for pappa';
const PROXY_TEXT = 'Kan dere komme litt senere på torsdag? Hilsen Anne.';
const PROXY_REPLY = 'Det går fint, vi kommer klokka 11 på torsdag.';
const PROXY_FOLLOW_UP = 'Takk! Han trenger også ny resept på blodtrykksmedisinen.';
const EPJ_REPLY = 'Notert i journalen. Fastlegen får beskjed om resepten i dag.';

/**
 * A received mail as readable text: quoted-printable soft breaks joined, =XX and RFC 2047 encoded words decoded,
 * base64 parts decoded, so an assertion about what the mail does NOT contain cannot pass through an encoding.
 */
function readableMail(raw: string): string {
  // Each run of =XX escapes is a whole UTF-8 sequence.
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

/** The mails the in-process SMTP server received, as they arrived. */
const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer | undefined;
const env: Record<string, string> = {};

/** What the journeys leave in the database, read from the stopped server's store. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const one = async <T>(sql: string) => (await db.query<T>(sql)).rows;
    const [counts] = await one<{ c: number; m: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM dialog_conversations) AS c, (SELECT count(*)::int FROM dialog_messages) AS m,
              (SELECT count(*)::int FROM dialog_attachments) AS a`,
    );
    // The demo's own (Kari and the health station: question and answer), Ingrid's conversation of two messages,
    // Per's of four (Anne, Siri, Anne, the EPJ); a PDF from Ingrid and a PNG from the nurse. The refused sends (an empty message, an 11 MB file, an executable named .pdf, Ahmed without
    // the area) left nothing behind.
    assert.deepEqual(counts, { c: 3, m: 8, a: 2 });
    const files = await one<{ filename: string; content_type: string; size_bytes: number }>(
      'SELECT filename, content_type, size_bytes FROM dialog_attachments ORDER BY filename',
    );
    assert.deepEqual(
      files.map((f) => [f.filename, f.content_type]),
      [
        ['medisinliste.pdf', 'application/pdf'],
        ['svar.png', 'image/png'],
      ],
    );
    const [stored] = await one<{ body: string }>(
      `SELECT m.body FROM dialog_messages m JOIN dialog_conversations c ON c.id = m.conversation_id
       WHERE c.subject = '${SUBJECT}' AND m.from_side = 'citizen'`,
    );
    assert.equal(stored?.body, TEXT, 'the text is stored verbatim, not escaped or stripped');
    const proxyWrote = await one<{ author: string; principal: string }>(
      `SELECT a.given_name AS author, p.given_name AS principal FROM dialog_messages m
       JOIN dialog_conversations c ON c.id = m.conversation_id JOIN persons a ON a.id = m.author_person_id
       JOIN persons p ON p.id = c.person_id WHERE m.from_side = 'citizen' AND c.subject = '${PROXY_SUBJECT}'`,
    );
    assert.deepEqual(proxyWrote, [
      { author: 'Anne', principal: 'Per' },
      { author: 'Anne', principal: 'Per' },
    ]);
    const knut = await one(
      `SELECT 1 FROM dialog_conversations c JOIN persons p ON p.id = c.person_id WHERE p.given_name = 'Knut'`,
    );
    assert.equal(knut.length, 0, 'nothing was stored for Knut');
    const read = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM dialog_messages m JOIN dialog_conversations c ON c.id = m.conversation_id
       WHERE m.read_at IS NULL AND m.from_side = 'unit' AND c.subject IN ('${SUBJECT}', '${PROXY_SUBJECT}')`,
    );
    assert.equal(read[0]?.n, 0, 'both replies were read by the citizen side');
  } finally {
    await db.close();
  }
}

/** Waits for a mail to an address matching `to`. */
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

function failOnDialogs(page: Page, problems: string[]): void {
  page.on('dialog', (d) => {
    problems.push(`a script opened a ${d.type()} dialog: ${d.message()}`);
    void d.dismiss();
  });
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Min side' });

void describe('a citizen and a proxy write to home care; the nurse answers; the notice carries no content', () => {
  // Registered before useJourney's own hook, so the server starts with SMTP_URL pointing here.
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
    'Ingrid sends a PDF to Hjemmesykepleien; Siri sees it unread and replies; Ingrid gets an empty notice, reads, and Siri sees it read',
    { timeout: 300_000 },
    () =>
      journey.visit('dialog-citizen', DESKTOP, async ({ page, problems }) => {
        failOnDialogs(page, problems);
        await logInFromLanding(page, 'Ingrid Berg');
        await waitForHeading(page, 'Min side');

        // Health contacts say the unit takes messages.
        const contacts = page.getByRole('region', { name: 'Helsekontakter i kommunen' });
        await contacts.getByText('Tar imot meldinger på Helsebro').waitFor();
        await contacts.getByRole('link', { name: 'Skriv til Hjemmesykepleien' }).waitFor();

        // E-mail notices, please.
        await nav(page).getByRole('link', { name: 'Varsler' }).click();
        await waitForHeading(page, 'Varsler');
        await page.getByText('Varselet sier bare at noe venter på Helsebro').waitFor();
        // Where notices go, read from KRR for the page and shown read-only.
        const krr = page.getByRole('region', { name: 'Hvor varslene sendes' });
        await krr.getByText(/^ingrid\.berg\.\d{3}@example\.com$/).waitFor();
        await krr.getByText(/^\+479\d{7}$/).waitFor();
        assert.equal(await krr.getByRole('textbox').count(), 0, 'not editable here');
        await expectNoAxeViolations(page, 'notification preferences');
        await page.getByRole('radio', { name: /^E-post/ }).check();
        await page.getByRole('button', { name: 'Lagre' }).click();
        await page.getByRole('status').getByText('Valgene dine er lagret.').waitFor();

        await nav(page)
          .getByRole('link', { name: /^Meldinger/ })
          .click();
        await waitForHeading(page, 'Meldinger');
        await page.getByText('Det er ingen meldinger her ennå.').waitFor();
        await expectNoAxeViolations(page, 'messages, empty');
        await page.getByRole('link', { name: 'Skriv ny melding' }).click();
        await waitForHeading(page, 'Ny melding');
        await expectNoAxeViolations(page, 'new message');

        // Nothing filled in: every field says what is missing, listed at the top.
        await page.getByRole('button', { name: 'Send melding' }).click();
        const summary = page.locator('.hb-error-summary');
        await summary.getByText('Meldingen ble ikke sendt').waitFor();
        for (const text of [
          'Velg hvem du vil skrive til.',
          'Skriv et emne.',
          'Skriv en melding. Den kan ikke være tom.',
        ]) {
          await summary.getByRole('link', { name: text }).waitFor();
        }
        assert.ok(await summary.evaluate((el) => el === document.activeElement), 'the summary takes focus');
        await expectNoAxeViolations(page, 'new message with errors');

        await page.getByRole('radio', { name: /^Hjemmesykepleien/ }).check();
        // The expected response time and the automatic reply show before sending.
        await page.getByRole('heading', { name: 'Før du sender' }).waitFor();
        await page.getByText('Hjemmesykepleien svarer vanligvis innen 1 virkedag.').waitFor();
        await page.getByText('Vi svarer innen én virkedag. Haster det, ring oss.', { exact: false }).waitFor();
        await page.getByRole('textbox', { name: /^Emne/ }).fill(SUBJECT);
        await page.getByRole('textbox', { name: /^Melding/ }).fill(TEXT);
        // Each field's error goes away once the field is fixed.
        for (const fixed of [
          'Velg hvem du vil skrive til.',
          'Skriv et emne.',
          'Skriv en melding. Den kan ikke være tom.',
        ]) {
          assert.equal(await page.getByText(fixed).count(), 0, `gone: ${fixed}`);
        }

        // The file input is reached with Tab from the message text.
        await page.getByRole('textbox', { name: /^Melding/ }).focus();
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), 'file');

        const fileInput = page.getByLabel('Vedlegg (valgfritt)');
        // A file that is no PDF, JPEG or PNG is refused when chosen, by its name, and not kept.
        await fileInput.setInputFiles({ name: 'program.exe', mimeType: 'application/x-msdownload', buffer: EXE });
        await page
          .locator('.hb-files__error')
          .getByText('«program.exe» er ikke en PDF, JPEG eller PNG.', { exact: false })
          .waitFor();
        assert.equal(await page.getByRole('list', { name: 'Valgte vedlegg' }).count(), 0);
        await fileInput.setInputFiles({ name: 'stor.pdf', mimeType: 'application/pdf', buffer: ELEVEN_MB });
        await page.getByRole('list', { name: 'Valgte vedlegg' }).getByText('stor.pdf', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Send melding' }).click();
        await summary.getByRole('link', { name: /«stor\.pdf» er større enn 10 MB/ }).waitFor();
        await page.getByRole('button', { name: 'Fjern stor.pdf' }).click();

        await fileInput.setInputFiles({ name: 'faktura.pdf', mimeType: 'application/pdf', buffer: EXE });
        await page.getByRole('button', { name: 'Send melding' }).click();
        await summary.getByRole('link', { name: /Et vedlegg er ikke en PDF, JPEG eller PNG/ }).waitFor();
        await page
          .locator('.hb-files__error')
          .getByText(/Vi sjekker innholdet i filen, ikke navnet/)
          .waitFor();
        await expectNoAxeViolations(page, 'new message refused by the server');
        let listed = await apiAs(page.request, 'GET', '/api/dialog/conversations');
        assert.deepEqual(listed.json.conversations, [], 'the refused message was not stored');

        // The server refuses an 11 MB file by itself too, not only the page.
        const units = (await apiAs(page.request, 'GET', '/api/dialog/units')).json.units as {
          id: string;
          name: string;
        }[];
        const homeCare = units.find((u) => u.name === 'Hjemmesykepleien')!;
        const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
        const tooLarge = await page.request.post('/api/dialog/conversations', {
          headers: { 'x-csrf-token': csrf },
          multipart: {
            serviceUnitId: homeCare.id,
            subject: 'stor',
            text: 'stor fil',
            files: { name: 'stor.pdf', mimeType: 'application/pdf', buffer: ELEVEN_MB },
          },
        });
        assert.equal(tooLarge.status(), 413);
        assert.equal(((await tooLarge.json()) as { code: string }).code, 'attachment_too_large');

        await page.getByRole('button', { name: 'Fjern faktura.pdf' }).click();
        await fileInput.setInputFiles({ name: 'medisinliste.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
        await page.getByRole('button', { name: 'Send melding' }).click();

        await waitForHeading(page, SUBJECT);
        await page.getByRole('status').getByText('Meldingen er sendt til Hjemmesykepleien.').waitFor();
        const mine = page.locator('.hb-message--own').first();
        // HTML and script typed into a message are shown as the characters typed.
        await mine.getByText(TEXT, { exact: true }).waitFor();
        assert.equal(
          await page.locator('.hb-message__text b, .hb-message__text img, .hb-message__text script').count(),
          0,
        );
        await mine.getByText('Ikke lest ennå').waitFor();
        await mine.getByRole('link', { name: /^Last ned medisinliste\.pdf/ }).waitFor();
        await expectNoAxeViolations(page, 'the conversation, sent');
        listed = await apiAs(page.request, 'GET', '/api/dialog/conversations');
        assert.equal((listed.json.conversations as unknown[]).length, 1);

        // Ingrid leaves the conversation (opening it again would read the coming reply).
        await nav(page).getByRole('link', { name: 'Oversikt' }).click();
        await waitForHeading(page, 'Min side');

        await journey.visit('dialog-nurse', DESKTOP, async (nurse) => {
          failOnDialogs(nurse.page, nurse.problems);
          await logInFromLanding(nurse.page, 'Siri Sykepleier');
          await waitForHeading(nurse.page, 'Arbeidsflate');
          const panel = nurse.page.getByRole('region', { name: 'Innboks' });
          await panel.getByRole('link', { name: /^Hjemmesykepleien\W+1 ulest$/ }).waitFor();
          await panel.getByRole('link', { name: 'Gå til innboksen' }).click();
          await waitForHeading(nurse.page, 'Innboks');
          const row = nurse.page.getByRole('row', { name: new RegExp(SUBJECT) });
          await row.getByRole('cell', { name: 'Ingrid Berg' }).waitFor();
          await row.getByRole('cell', { name: '1 ulest' }).waitFor();
          assert.match((await row.getAttribute('class')) ?? '', /unread/, 'an unread conversation is marked');
          await expectNoAxeViolations(nurse.page, 'the staff inbox');
          await row.getByRole('link', { name: SUBJECT }).click();

          await waitForHeading(nurse.page, SUBJECT);
          await nurse.page.getByText(TEXT, { exact: true }).waitFor();
          const download = nurse.page.waitForEvent('download');
          await nurse.page.getByRole('link', { name: /^Last ned medisinliste\.pdf/ }).click();
          const file = await readFile(await (await download).path());
          assert.ok(file.equals(smallPdf()), 'the nurse downloads the PDF as sent');
          await expectNoAxeViolations(nurse.page, 'the staff conversation');

          await nurse.page.getByRole('textbox', { name: /^Svar/ }).fill(REPLY);
          await nurse.page.getByLabel('Vedlegg (valgfritt)').setInputFiles({
            name: 'svar.png',
            mimeType: 'image/png',
            buffer: PNG,
          });
          await nurse.page.getByRole('button', { name: 'Send svar' }).click();
          await nurse.page.getByRole('status').getByText('Svaret er sendt.').waitFor();
          const reply = nurse.page.locator('.hb-message--own');
          await reply.getByText(REPLY).waitFor();
          await reply.getByText('Ikke lest av innbygger ennå').waitFor();

          // The notice: to Ingrid's KRR address, saying only that a message is waiting.
          const mail = await mailTo(/^ingrid\.berg\.\d{3}@example\.com$/);
          const text = readableMail(mail.raw);
          assert.match(text, /Ny melding på Helsebro/);
          assert.match(text, /Du har en ny melding på Helsebro/);
          for (const secret of [SUBJECT, 'medisinlisten', REPLY, 'dosen', 'Hjemmesykepleien', 'Siri', 'svar.png']) {
            assert.ok(!text.includes(secret), `the notice does not contain «${secret}»`);
          }

          // Ingrid reloads her page: the nav counts the unread reply.
          await page.reload();
          await nav(page)
            .getByRole('link', { name: /^Meldinger\W+1 ulest$/ })
            .click();
          await waitForHeading(page, 'Meldinger');
          const item = page
            .getByRole('listitem')
            .filter({ has: page.getByRole('link', { name: `Ulest: ${SUBJECT}` }) });
          await item.getByText('1 ulest melding').waitFor();
          await expectNoAxeViolations(page, 'messages with an unread reply');
          await item.getByRole('link').click();
          await waitForHeading(page, SUBJECT);
          const theirs = page.locator('.hb-message--unit');
          await theirs.getByText('Siri Sykepleier, Hjemmesykepleien').waitFor();
          await theirs.getByText(REPLY).waitFor();
          await theirs.getByRole('link', { name: /^Last ned svar\.png/ }).waitFor();
          await page
            .locator('.hb-message--own')
            .getByText(/^Lest /)
            .waitFor();
          await nav(page).getByRole('link', { name: 'Meldinger', exact: true }).waitFor();

          // Siri sees her reply read.
          await nurse.page.reload();
          await waitForHeading(nurse.page, SUBJECT);
          await nurse.page
            .locator('.hb-message--own')
            .getByText(/^Lest av innbygger /)
            .waitFor();

          // Assign to a colleague, then close.
          await nurse.page.getByLabel('Tildel til').selectOption({ label: 'Henrik Helsefagarbeider' });
          await nurse.page.getByRole('button', { name: 'Tildel' }).click();
          await nurse.page.getByRole('status').getByText('Samtalen er tildelt Henrik Helsefagarbeider.').waitFor();
          await nurse.page.getByRole('button', { name: 'Avslutt samtalen' }).click();
          await nurse.page.getByText('Samtalen er avsluttet.', { exact: true }).first().waitFor();
          await expectNoAxeViolations(nurse.page, 'a closed staff conversation');
          assert.deepEqual(nurse.problems, []);
        });

        await page.reload();
        await waitForHeading(page, SUBJECT);
        await page.getByText('Samtalen er avsluttet av Hjemmesykepleien.', { exact: false }).waitFor();
        assert.equal(
          await page.getByRole('button', { name: 'Send svar' }).count(),
          0,
          'a closed conversation takes no reply',
        );
        await expectNoAxeViolations(page, 'a closed conversation');
        assert.deepEqual(problems, []);
      }),
  );

  void it(
    'Anne writes for her father Per (fullmakt with Digitale helsetjenester); Siri answers; Anne reads it for him',
    { timeout: 240_000 },
    () =>
      journey.visit('dialog-proxy', PHONE, async ({ page, problems }) => {
        failOnDialogs(page, problems);
        await logInFromLanding(page, 'Anne Hansen');
        await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
        await page.getByRole('button', { name: 'Velg Per Hansen' }).click();
        await page.waitForURL((url) => url.pathname === '/min-side');
        // Notification choices are each person's own: Anne is told so, and offered to switch back.
        await nav(page).getByRole('link', { name: 'Varsler' }).click();
        await waitForHeading(page, 'Varsler');
        await page.getByText('Du bruker nå Helsebro for Per Hansen, som velger sine egne.', { exact: false }).waitFor();
        await page.getByRole('button', { name: 'Bruk Helsebro for deg selv' }).waitFor();
        assert.equal(await page.getByRole('radio').count(), 0, "no form for Per's choices");
        assert.equal(await page.getByText(/Fullmakter ser, gir/).count(), 0, 'the notice is about notifications');
        await expectNoAxeViolations(page, 'notification preferences while acting for Per');
        await nav(page).getByRole('link', { name: 'Oversikt' }).click();
        await waitForHeading(page, 'Min side');
        const contacts = page.getByRole('region', { name: 'Helsekontakter i kommunen' });
        await contacts.getByRole('link', { name: 'Skriv til Hjemmesykepleien' }).click();
        await waitForHeading(page, 'Ny melding på vegne av Per Hansen');
        assert.ok(await page.getByRole('radio', { name: /^Hjemmesykepleien/ }).isChecked(), 'the unit is chosen');
        await expectNoAxeViolations(page, 'new message for Per, by Anne');
        await page.getByRole('textbox', { name: /^Emne/ }).fill(PROXY_SUBJECT);
        await page.getByRole('textbox', { name: /^Melding/ }).fill(PROXY_TEXT);
        await page.getByRole('button', { name: 'Send melding' }).click();
        await waitForHeading(page, PROXY_SUBJECT);
        await page.getByText('Anne Hansen på vegne av Per Hansen').waitFor();
        await expectNoAxeViolations(page, "Per's conversation, for Anne");

        await journey.visit('dialog-proxy-nurse', DESKTOP, async (nurse) => {
          await logInFromLanding(nurse.page, 'Siri Sykepleier');
          await nurse.page
            .getByRole('region', { name: 'Innboks' })
            .getByRole('link', { name: 'Gå til innboksen' })
            .click();
          const row = nurse.page.getByRole('row', { name: new RegExp(PROXY_SUBJECT) });
          await row.getByRole('cell', { name: 'Per Hansen' }).waitFor();
          await row.getByRole('link', { name: PROXY_SUBJECT }).click();
          await waitForHeading(nurse.page, PROXY_SUBJECT);
          await nurse.page.getByText('Anne Hansen på vegne av Per Hansen').waitFor();
          await nurse.page.getByRole('textbox', { name: /^Svar/ }).fill(PROXY_REPLY);
          await nurse.page.getByRole('button', { name: 'Send svar' }).click();
          await nurse.page.getByRole('status').getByText('Svaret er sendt.').waitFor();

          await page.reload();
          await waitForHeading(page, PROXY_SUBJECT);
          await page.getByText(PROXY_REPLY).waitFor();
          await nurse.page.reload();
          await nurse.page
            .locator('.hb-message--own')
            .getByText(/^Lest av innbygger /)
            .waitFor();
          assert.deepEqual(nurse.problems, []);
        });

        // The municipality's EPJ (`npm run epj-sim`, public API only) reads the same conversation from the event
        // feed and answers it as Siri.
        await page.getByRole('textbox', { name: /^Svaret ditt/ }).fill(PROXY_FOLLOW_UP);
        await page.getByRole('button', { name: 'Send svar' }).click();
        await page.getByRole('status').getByText('Svaret er sendt.').waitFor();
        const conversationId = new URL(page.url()).pathname.split('/').pop();
        const printed: string[] = [];
        const epj = createEpjSimulator({
          url: journey.baseUrl,
          clientId: 'epj-demo-9901',
          clientSecret: 'epj-demo-secret-9901',
          cursorFile: null,
          autoReply: EPJ_REPLY,
          author: { hprNumber: '9100001', name: 'Siri Sykepleier' },
          print: (line) => printed.push(line),
        });
        const polled = await epj.pollOnce();
        assert.ok(
          polled.events.some((e) => e.kind === 'message.created' && e.refs['conversationId'] === conversationId),
          'the follow-up is in the feed',
        );
        assert.deepEqual(polled.replied, [conversationId], 'the EPJ answers the open conversation only');
        assert.ok(printed.join('\n').includes(`Anne Hansen på vegne av Per Hansen: ${PROXY_FOLLOW_UP}`));
        await page.reload();
        await waitForHeading(page, PROXY_SUBJECT);
        const fromEpj = page.locator('.hb-message--unit').filter({ hasText: EPJ_REPLY });
        await fromEpj.getByText('Siri Sykepleier, Hjemmesykepleien').waitFor();
        const again = await epj.pollOnce();
        assert.deepEqual(again.replied, [], 'the unit has the last word: nothing more to answer');
        assert.deepEqual(problems, []);
      }),
  );

  void it(
    'Ahmed, whose fullmakt from Knut covers only innsyn, is told why he cannot see or send messages',
    { timeout: 120_000 },
    () =>
      journey.visit('dialog-proxy-refused', DESKTOP, async ({ page, problems }) => {
        await logInFromLanding(page, 'Ahmed Ali');
        await waitForHeading(page, 'Hvem vil du bruke Helsebro for?');
        await page.getByRole('button', { name: 'Velg Knut Dahl' }).click();
        await page.waitForURL((url) => url.pathname === '/min-side');
        // A tab the fullmakt does not cover is not offered; a bookmark to it is told why.
        await nav(page).getByRole('link', { name: 'Oversikt' }).waitFor();
        assert.equal(await nav(page).getByRole('link', { name: 'Meldinger', exact: true }).count(), 0);
        await page.goto('/min-side/meldinger');
        await waitForHeading(page, 'Meldinger for Knut Dahl');
        await page.getByText('Ikke tilgjengelig for deg').waitFor();
        await page
          .getByText('Fullmakten fra Knut Dahl gjelder ikke «Digitale helsetjenester»', { exact: false })
          .waitFor();
        assert.equal(await page.getByRole('link', { name: 'Skriv ny melding' }).count(), 0);
        await expectNoAxeViolations(page, 'messages refused to Ahmed');

        const refused = await apiAs(page.request, 'GET', '/api/dialog/conversations');
        assert.equal(refused.status, 403);
        assert.equal(refused.json.code, 'service_area_not_granted');
        const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
        const send = await page.request.post('/api/dialog/conversations', {
          headers: { 'x-csrf-token': csrf },
          multipart: { serviceUnitId: '00000000-0000-4000-8000-000000000000', subject: 'Hei', text: 'Hei' },
        });
        assert.equal(send.status(), 403);
        assert.equal(((await send.json()) as { code: string }).code, 'service_area_not_granted');
        // The page's own 403 is expected; nothing else.
        assert.deepEqual(problems, []);
      }),
  );
});
