import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { logInFromLanding, waitForHeading } from './support/journey.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUBJECT = 'Hevelse i ankelen';
const TEXT = 'Ankelen er hoven igjen i dag. Skal jeg ta kontakt med legen?';
const ANSWER = 'Takk for beskjed. Vi ser på ankelen når vi kommer i ettermiddag.';

/** A one-page PDF (magic number and trailer are what the server checks). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

let cursorDir = '';

/**
 * `npm run epj-sim` as a developer runs it, with the demo client of Fjordvik (README "EPJ integration"); one poll.
 * @param baseUrl - the journey's server
 * @param args - extra options
 */
async function epjSim(baseUrl: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/server/src/cli/epj-sim.ts',
      '--url',
      baseUrl,
      '--once',
      '--cursor-file',
      join(cursorDir, 'fjordvik.cursor'),
      ...args,
    ],
    { cwd: ROOT, timeout: 60_000 },
  );
  return stdout;
}

/** What the journey left in the store: the EPJ's reply by Siri, both messages read, the feed and the audit log. */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = async <T>(sql: string) => (await db.query<T>(sql)).rows;
    const messages = await rows<{ from_side: string; author: string | null; read: boolean }>(
      `SELECT m.from_side, p.hpr_number AS author, m.read_at IS NOT NULL AS read FROM dialog_messages m
       JOIN dialog_conversations c ON c.id = m.conversation_id LEFT JOIN personnel p ON p.id = m.author_personnel_id
       WHERE c.subject = '${SUBJECT}' ORDER BY m.created_at`,
    );
    assert.deepEqual(messages, [
      { from_side: 'citizen', author: null, read: true },
      { from_side: 'unit', author: '9100001', read: true },
    ]);
    const events = await rows<{ kind: string }>(
      `SELECT e.kind FROM epj_events e JOIN dialog_conversations c ON c.id = (e.refs->>'conversationId')::uuid
       WHERE c.subject = '${SUBJECT}' ORDER BY e.id`,
    );
    assert.deepEqual(
      events.map((e) => e.kind),
      ['conversation.created', 'message.read'],
    );
    const audited = await rows<{ action: string }>(
      `SELECT DISTINCT action FROM audit_log WHERE actor_kind = 'partner' AND actor_id = 'epj-demo-9901'
       AND outcome = 'success' ORDER BY action`,
    );
    // The feed also holds the demo's appointment events (Kari's planned and done visits), which the EPJ fetches too.
    assert.deepEqual(
      audited.map((a) => a.action),
      ['appointment.read', 'dialog.conversation.read', 'dialog.message.send', 'epj.events.read'],
    );
  } finally {
    await db.close();
  }
}

void describe("the municipality's EPJ answers a citizen's message through the EPJ API", () => {
  before(async () => {
    cursorDir = await mkdtemp(join(tmpdir(), 'helsebro-epj-sim-'));
  });
  after(async () => {
    await rm(cursorDir, { recursive: true, force: true });
  });
  const journey = useJourney({}, { inspectStore });

  void it(
    'Ingrid writes to Hjemmesykepleien with a PDF; npm run epj-sim reads it from the feed and answers as Siri; Ingrid reads the answer',
    { timeout: 300_000 },
    () =>
      journey.visit('dialog-epj', DESKTOP, async ({ page, problems }) => {
        await logInFromLanding(page, 'Ingrid Berg');
        await waitForHeading(page, 'Min side');
        await page
          .getByRole('navigation', { name: 'Min side' })
          .getByRole('link', { name: /^Meldinger/ })
          .click();
        await waitForHeading(page, 'Meldinger');
        await page.getByRole('link', { name: 'Skriv ny melding' }).click();
        await waitForHeading(page, 'Ny melding');
        await page.getByRole('radio', { name: /^Hjemmesykepleien/ }).check();
        await page.getByRole('textbox', { name: /^Emne/ }).fill(SUBJECT);
        await page.getByRole('textbox', { name: /^Melding/ }).fill(TEXT);
        await page
          .getByLabel('Vedlegg (valgfritt)')
          .setInputFiles({ name: 'bilde-av-ankel.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page.getByRole('button', { name: 'Send melding' }).click();
        await waitForHeading(page, SUBJECT);
        await page.locator('.hb-message--own').getByText('Ikke lest ennå').waitFor();

        // The EPJ polls: the new conversation, with the citizen's text and the attachment, and an answer from Siri.
        const first = await epjSim(
          journey.baseUrl,
          '--auto-reply',
          ANSWER,
          '--hpr',
          '9100001',
          '--author',
          'Siri Sykepleier',
        );
        assert.match(first, /conversation\.created\s+Hjemmesykepleien\s+«Hevelse i ankelen» med Ingrid Berg/);
        assert.match(first, /Ingrid Berg: Ankelen er hoven igjen i dag\./);
        assert.match(first, /vedlegg: bilde-av-ankel\.pdf \(application\/pdf/);
        assert.match(first, /→ svar sendt som Siri Sykepleier \(HPR 9100001\) til «Hevelse i ankelen»/);
        // The feed starts with the demo's own events about Kari (issue 15): her conversation with Helsestasjonen,
        // answered and closed, and her planned home visit; only Ingrid's open conversation is answered.
        assert.match(first, /conversation\.closed\s+Helsestasjonen\s+«Samtale om søvn» med Kari Nordmann/);
        assert.match(first, /4 nye hendelser, 1 svar sendt\./);

        // Ingrid sees the answer from Siri at Hjemmesykepleien, and her own message read.
        await page.reload();
        await waitForHeading(page, SUBJECT);
        const theirs = page.locator('.hb-message--unit');
        await theirs.getByText('Siri Sykepleier, Hjemmesykepleien').waitFor();
        await theirs.getByText(ANSWER).waitFor();
        await page
          .locator('.hb-message--own')
          .getByText(/^Lest /)
          .waitFor();
        await expectNoAxeViolations(page, 'the conversation answered from the EPJ');

        // The next poll tells the EPJ that Ingrid read the answer, and there is nothing new to answer.
        const second = await epjSim(journey.baseUrl, '--auto-reply', ANSWER);
        assert.match(second, /message\.read\s+Hjemmesykepleien/);
        assert.match(second, /1 nye hendelser, 0 svar sendt\./);
        assert.deepEqual(problems, []);
      }),
  );
});
