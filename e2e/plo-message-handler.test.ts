import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EdiReceipt } from '../packages/contracts/src/index.ts';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../packages/server/src/modules/plo/index.ts';
import { buildMessage, type OutgoingMessageInput } from '../packages/server/src/modules/plo/msghead/message.build.ts';
import { ploSchemaSet } from '../packages/server/src/modules/plo/schema-set.ts';
import {
  DEMO_FJORDVIK_HOME_NURSING,
  sampleMessage,
} from '../packages/server/src/modules/plo/testing/sample-messages.ts';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, newVisitor, PHONE } from './support/browser.ts';
import { logInFromLanding, pathOf, waitForHeading } from './support/journey.ts';
import { ninOf } from './support/people.ts';
import { startServer, type RunningServer } from './support/server.ts';

const RESULTS = fileURLToPath(new URL('../.test-results/e2e', import.meta.url));
const QUESTION = 'Vi kan ta imot Per på korttidsplass fra 21. januar. Passer det for dere?';

/**
 * The hospital posts a LOG_UTSKRIVNINGSKLAR for Per Hansen the real way (HTTP, bearer token), and Fjordvik's
 * message handler reads it in the console and answers with a question. The server keeps its store in a folder of
 * this test, so after the browser part the store is opened and checked: what the user saw is what was stored.
 */
void describe('a message handler at the municipality reads a LOG_UTSKRIVNINGSKLAR and answers it', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dataDir = '';

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'helsebro-e2e-plo-'));
    [server, browser] = await Promise.all([startServer({ DATA_DIR: dataDir }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  void it(
    'shows it unread, readable, answers with a dialog message, and stores what it shows',
    { timeout: 240_000 },
    async () => {
      const srv = server!;
      const per = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
      const nin = ninOf('Per');
      const input = sampleMessage('LOG_UTSKRIVNINGSKLAR', {
        patient: {
          familyName: per.familyName,
          givenName: per.givenName,
          nin,
          idType: 'FNR',
          dateOfBirth: per.birthDate,
        },
      });
      /** Posts a message as the demo hospital, the real way (HTTP, bearer token). */
      const postAsHospital = async (xml: string, outcome: EdiReceipt['outcome'] = 'accepted') => {
        const posted = await fetch(`${srv.baseUrl}/edi/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
          body: xml,
        });
        assert.equal(posted.status, 202);
        const answer = (await posted.json()) as EdiReceipt;
        assert.equal(answer.outcome, outcome);
        return answer;
      };
      const receipt = await postAsHospital(buildMessage(input).xml);

      const visitor = await newVisitor(browser!, srv.baseUrl, DESKTOP);
      const { page, problems } = visitor;
      try {
        await logInFromLanding(page, 'Are Meldingsansvarlig');
        await waitForHeading(page, 'Arbeidsflate');
        const panel = page.getByRole('region', { name: 'Meldinger', exact: true });
        await panel.getByText('1 ny melding').waitFor();
        await expectNoAxeViolations(page, 'the workspace with the link to the messages');
        await panel.getByRole('link', { name: 'Meldinger' }).click();

        await waitForHeading(page, 'Meldinger');
        assert.equal(await page.getByLabel('Tjeneste').inputValue(), '9900002002', 'the allocation office first');
        const inboxTab = page
          .getByRole('navigation', { name: 'Innboks eller utboks' })
          .getByRole('link', { name: /Innboks/ });
        assert.equal(await inboxTab.getAttribute('aria-current'), 'page');
        await inboxTab.getByText('1 ny').waitFor();
        const row = page.getByRole('row').filter({ hasText: 'Per Hansen' });
        await row.waitFor();
        assert.match((await row.getAttribute('class')) ?? '', /unread/, 'an unread row is bold');
        assert.equal(await row.getByText('Ulest:').count(), 1, 'and says so in words');
        await row.getByText(`${nin.slice(0, 6)} *****`).waitFor();
        assert.equal(await page.getByText(nin).count(), 0, 'the whole identity number is never shown');
        await expectNoAxeViolations(page, 'the inbox');

        await row.getByRole('link', { name: /Melding om utskrivningsklar pasient/ }).click();
        await waitForHeading(page, 'Melding om utskrivningsklar pasient');
        assert.match(pathOf(page), new RegExp(`^/ansatt/meldinger/${receipt.messageId}$`));
        const summary = page.getByRole('region', { name: 'Om meldingen', exact: true });
        await summary.getByText('Per Hansen').waitFor();
        await summary.getByText('født 15. januar 1941').waitFor();
        await summary.getByText('Somatikk plo meldingsmottak, Fjordvik sykehus HF').waitFor();
        const content = page.getByRole('region', { name: 'Innhold', exact: true });
        await content.getByRole('heading', { name: 'Utskrivningsklar' }).waitFor();
        await content.getByText('20. januar 2025').waitFor();
        await page
          .getByRole('region', { name: 'Applikasjonskvittering', exact: true })
          .getByText('OK', { exact: true })
          .waitFor();
        const history = page.getByRole('region', { name: 'Statushistorikk', exact: true });
        await history.getByText('Mottatt', { exact: true }).waitFor();
        await history.getByText('Lest', { exact: true }).waitFor();
        await expectNoAxeViolations(page, 'the readable message');

        await page.getByText('Vis XML').focus();
        await page.keyboard.press('Enter');
        await page.locator('details pre').getByText('<MsgHead', { exact: false }).waitFor();
        await page.getByRole('link', { name: 'Last ned XML' }).waitFor();
        await expectNoAxeViolations(page, 'the message with its XML shown');

        const form = page.getByRole('region', { name: 'Svar med dialogmelding', exact: true });
        assert.ok(await form.getByLabel('Forespørsel om pasienten').isChecked());
        await form.getByRole('button', { name: 'Send' }).click();
        const errors = form.getByText('Rett opp dette før du sender');
        await errors.waitFor();
        await form.getByRole('link', { name: 'Skriv teksten.' }).waitFor();
        await expectNoAxeViolations(page, 'the answer form with a missing text');
        await form.getByRole('link', { name: 'Skriv teksten.' }).click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'plo-answer-text');
        await page.keyboard.type(QUESTION);
        await form.getByRole('button', { name: 'Send' }).click();
        const sent = form.getByRole('status');
        await sent.getByText('Meldingen er sendt').waitFor();
        await sent.getByText('Status: I kø.', { exact: false }).waitFor();
        await summary.getByText('Meldingen er behandlet.').waitFor();
        await expectNoAxeViolations(page, 'the message answered');

        await sent.getByRole('link', { name: 'Åpne den sendte meldingen' }).click();
        await waitForHeading(page, 'Forespørsel');
        await page
          .getByRole('region', { name: 'Statushistorikk', exact: true })
          .getByText('Lagt i kø')
          .first()
          .waitFor();
        await page.getByRole('region', { name: 'Innhold', exact: true }).getByText(QUESTION).waitFor();
        await page
          .getByRole('region', { name: 'Samtalen', exact: true })
          .getByRole('link', { name: 'Melding om utskrivningsklar pasient' })
          .waitFor();
        await expectNoAxeViolations(page, 'the sent question');
        await page.getByRole('link', { name: 'Tilbake til meldingene' }).click();
        await waitForHeading(page, 'Meldinger');
        assert.equal(
          await page.getByRole('link', { name: 'Utboks' }).getAttribute('aria-current'),
          'page',
          'back to the box it came from',
        );
        await page.getByRole('row').filter({ hasText: 'Forespørsel' }).filter({ hasText: 'Per Hansen' }).waitFor();

        // An admission addressed to a service Fjordvik does not have is rejected (E21). It waits in "Avviste
        // meldinger" with the reason; Are passes it on to home nursing with a note (issue 14, D6).
        await postAsHospital(
          buildMessage(
            sampleMessage('LOG_INNLAGT', {
              patient: input.patient,
              receiver: { ...DEMO_FJORDVIK_HOME_NURSING, service: { name: 'Nedlagt tjeneste', herId: '9900002999' } },
            }),
          ).xml,
          'rejected',
        );
        await page.reload();
        await waitForHeading(page, 'Meldinger');
        await page.getByRole('link', { name: 'Avviste meldinger (1 venter)' }).click();
        await waitForHeading(page, 'Avviste meldinger');
        const rejected = page.getByRole('article', { name: 'Melding om innlagt pasient – Per Hansen' });
        await rejected.getByText(/^E21: /).waitFor();
        await rejected.getByText(/Nedlagt tjeneste/).waitFor();
        await expectNoAxeViolations(page, 'a rejected message waiting');
        await rejected.getByLabel('Send til tjenesten').selectOption({ label: 'Sykepleietjeneste, pleie- og omsorg' });
        await rejected.getByRole('button', { name: 'Send videre' }).click();
        await rejected.getByText('Skriv et notat om hva som ble gjort.').first().waitFor();
        await expectNoAxeViolations(page, 'a rejected message without a note');
        await rejected
          .getByRole('textbox', { name: /^Notat: hva ble gjort\?/ })
          .fill('Tjenesten er slått sammen med hjemmesykepleien.');
        await rejected.getByRole('button', { name: 'Send videre' }).click();
        await page
          .getByRole('status')
          .getByText('Meldingen er sendt videre til Sykepleietjeneste, pleie- og omsorg', { exact: false })
          .waitFor();
        await page.getByText('Ingen avviste meldinger venter.').waitFor();
        await page.getByRole('link', { name: 'Gått gjennom' }).click();
        await page
          .getByRole('article', { name: 'Melding om innlagt pasient – Per Hansen' })
          .getByText(/^Sendt videre til Sykepleietjeneste, pleie- og omsorg av Are Meldingsansvarlig/)
          .waitFor();
        await expectNoAxeViolations(page, 'the rejected messages gone through');
        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await waitForHeading(page, 'Avviste meldingar');
        await expectNoAxeViolations(page, 'the rejected messages (nynorsk)');
        await page.getByRole('button', { name: 'English' }).click();
        await waitForHeading(page, 'Rejected messages');
        await page.getByText(/^Passed on to Sykepleietjeneste, pleie- og omsorg by Are Meldingsansvarlig/).waitFor();
        await expectNoAxeViolations(page, 'the rejected messages (English)');
        await page.getByRole('button', { name: 'Bokmål' }).click();
        await waitForHeading(page, 'Avviste meldinger');
        assert.deepEqual(problems, []);
      } catch (err) {
        await shot(page, 'plo-message-handler');
        throw err;
      } finally {
        await visitor.context.close();
      }

      const phone = await newVisitor(browser!, srv.baseUrl, PHONE);
      try {
        await logInFromLanding(phone.page, 'Are Meldingsansvarlig');
        await phone.page.goto('/ansatt/meldinger');
        await waitForHeading(phone.page, 'Meldinger');
        const card = phone.page
          .getByRole('list', { name: /^Innboks for/ })
          .getByRole('listitem')
          .filter({ hasText: 'Per Hansen' });
        await card.getByText('Behandlet').waitFor();
        await expectNoAxeViolations(phone.page, 'the inbox as cards on a phone');

        // The hospital cancels it (Forsendelsesstatus C, RefToParent its MsgId; HISD 1154 §4.2): the card says so in
        // words, and the message tells the reader not to act on it, with the way to the cancellation.
        await postAsHospital(
          buildMessage({
            ...input,
            msgId: crypto.randomUUID(),
            conversationRef: { refToParent: receipt.msgId, refToConversation: receipt.msgId },
            content: { ...input.content, status: 'C' },
          } as OutgoingMessageInput).xml,
        );
        await phone.page.reload();
        await waitForHeading(phone.page, 'Meldinger');
        const cancelledCard = card.filter({ hasText: 'Kansellert' });
        await cancelledCard.getByText('Behandlet').waitFor();
        await card.filter({ hasText: 'Kansellering' }).getByText('Ulest:').waitFor();
        await expectNoAxeViolations(phone.page, 'the inbox with a cancelled message');
        await cancelledCard.getByRole('link', { name: 'Melding om utskrivningsklar pasient' }).click();
        await waitForHeading(phone.page, 'Melding om utskrivningsklar pasient');
        await phone.page.getByRole('heading', { name: /^Avsenderen har kansellert meldingen/ }).waitFor();
        await expectNoAxeViolations(phone.page, 'a cancelled message');
        await phone.page.getByRole('link', { name: 'Åpne kanselleringen' }).click();
        await phone.page.getByText('Denne meldingen kansellerer en tidligere melding.').waitFor();
        await phone.page.getByRole('link', { name: 'Åpne den opprinnelige meldingen' }).waitFor();
        assert.notEqual(pathOf(phone.page), `/ansatt/meldinger/${receipt.messageId}`);
        assert.deepEqual(phone.problems, []);
      } catch (err) {
        await shot(phone.page, 'plo-message-handler-phone');
        throw err;
      } finally {
        await phone.context.close();
      }

      const nurse = await newVisitor(browser!, srv.baseUrl, DESKTOP);
      try {
        await logInFromLanding(nurse.page, 'Siri Sykepleier');
        await waitForHeading(nurse.page, 'Arbeidsflate');
        assert.equal(await nurse.page.getByRole('link', { name: 'Meldinger', exact: true }).count(), 0, 'no way in');
        await nurse.page.goto('/ansatt/meldinger');
        await waitForHeading(nurse.page, 'Meldinger');
        await nurse.page
          .getByRole('alert')
          .getByText('Du har ikke rollen meldingsbehandler i denne kommunen.')
          .waitFor();
        assert.equal(await nurse.page.getByText('Per Hansen').count(), 0);
        await expectNoAxeViolations(nurse.page, 'the console refusing a nurse');
      } catch (err) {
        await shot(nurse.page, 'plo-message-handler-nurse');
        throw err;
      } finally {
        await nurse.context.close();
      }

      await srv.stop();
      server = undefined;
      await checkStore(join(dataDir, 'pglite'), receipt, nin);
    },
  );
});

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true }).catch(() => undefined);
}

/** The store after the journey: the answer stored and valid, the original handled, the reads audited. */
async function checkStore(dir: string, receipt: EdiReceipt, nin: string): Promise<void> {
  const store = await openDatabase({ dataDir: dir });
  try {
    const [person] = await store.query<{ id: string }>('SELECT id FROM persons WHERE nin = $1', [nin]);
    const [handler] = await store.query<{ id: string }>("SELECT id FROM personnel WHERE hpr_number = '9100007'");
    const [inbox] = await store.query<{ state: string }>('SELECT state FROM plo_inbox WHERE message_id = $1', [
      receipt.messageId,
    ]);
    assert.equal(inbox?.state, 'handled');
    const triage = await store.query<{ outcome: string; her_id: string; note: string }>(
      `SELECT t.outcome, p.her_id, t.note FROM plo_rejected_triage t JOIN plo_parties p ON p.id = t.forwarded_party_id`,
    );
    assert.deepEqual(triage, [
      { outcome: 'forwarded', her_id: '9900002001', note: 'Tjenesten er slått sammen med hjemmesykepleien.' },
    ]);
    const out = await store.query<{ msg_type: string; conversation_parent: string; raw: Uint8Array; status: string }>(
      "SELECT msg_type, conversation_parent, raw, status FROM plo_messages WHERE direction = 'out'",
    );
    assert.equal(out.length, 1);
    assert.equal(out[0]!.msg_type, 'DIALOG_FORESPORSEL');
    assert.equal(out[0]!.conversation_parent, receipt.msgId);
    const xml = Buffer.from(out[0]!.raw);
    const validation = ploSchemaSet().validate(xml);
    assert.ok(validation.wellFormed && validation.valid, 'the answer validates against the XSDs');
    assert.ok(xml.toString('utf8').includes(QUESTION));
    const audit = await store.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log
        WHERE subject_person_id = $1 AND actor_kind = 'personnel' AND actor_id = $2 GROUP BY action ORDER BY action`,
      [person!.id, handler!.id],
    );
    const actions = new Map(audit.map((a) => [a.action, a.n]));
    assert.ok((actions.get('plo_message.read') ?? 0) >= 3, `list, message and outbox reads: ${JSON.stringify(audit)}`);
    assert.equal(actions.get('plo_message.raw_read'), 1);
    assert.equal(actions.get('plo_message.answer'), 1);
    assert.equal(actions.get('plo_message.send'), 1);
  } finally {
    await store.close();
  }
}
