import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { EdiReceipt, PloConsoleMessage } from '../packages/contracts/src/index.ts';
import { DEMO_PERSONS } from '../packages/server/src/modules/demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../packages/server/src/modules/plo/index.ts';
import { buildAppRec } from '../packages/server/src/modules/plo/apprec/apprec.build.ts';
import { buildMessage } from '../packages/server/src/modules/plo/msghead/message.build.ts';
import { sampleMessage } from '../packages/server/src/modules/plo/testing/sample-messages.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { pointDemoHospitalAt, startTestHospital, type TestHospital } from './support/hospital.ts';
import { chooseTestUser, logInFromLanding, waitForHeading } from './support/journey.ts';
import { ninOf } from './support/people.ts';
import { freePort } from './support/server.ts';

const mails: Array<{ to: string[]; raw: string }> = [];
let smtp: SMTPServer | undefined;
let hospital: TestHospital | undefined;
const env: Record<string, string> = { PLO_MONITOR_INTERVAL_SECONDS: '1' };
const QUESTION = 'Når er Per ventet utskrevet?';

/** A mail as text: quoted-printable soft breaks joined and =XX decoded. */
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));

/**
 * Issue 14 (D3/D9): Fjordvik's message handler asks the hospital about Per; the hospital rejects it with a negative
 * AppRec (E35). The monitor raises an alert; the message-responsible address gets an e-mail over real SMTP with the
 * kind and a link and nothing about Per; the handler sees the alert, acknowledges it and closes it with a note.
 */
void describe('a message handler sees, acknowledges and closes an alert about a rejected message', () => {
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
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
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
    await hospital?.close();
  });
  const journey = useJourney(env);

  void it(
    'Are answers, the hospital rejects it, the alert is e-mailed, acknowledged and closed',
    { timeout: 240_000 },
    () =>
      journey.visit('plo-alerts', DESKTOP, async ({ page, problems }) => {
        const per = DEMO_PERSONS.find((p) => p.givenName === 'Per' && p.familyName === 'Hansen')!;
        const nin = ninOf('Per');
        const incoming = buildMessage(
          sampleMessage('LOG_UTSKRIVNINGSKLAR', {
            patient: {
              familyName: per.familyName,
              givenName: per.givenName,
              nin,
              idType: 'FNR',
              dateOfBirth: per.birthDate,
            },
          }),
        );
        const posted = await fetch(`${journey.baseUrl}/edi/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
          body: incoming.xml,
        });
        assert.equal(posted.status, 202);
        const receipt = (await posted.json()) as EdiReceipt;

        // The hospital is one that takes our messages and answers in its own time (the demo's stand-in would send
        // its positive AppRec at once, and the first AppRec for a message is the one that counts).
        hospital = await startTestHospital();
        const operator = await page.context().browser()!.newContext({ baseURL: journey.baseUrl });
        try {
          const operatorPage = await operator.newPage();
          await operatorPage.goto('/auth/login?returnTo=%2Fdrift');
          await chooseTestUser(operatorPage, 'Ola Operatør');
          await waitForHeading(operatorPage, 'Driftskonsoll');
          await pointDemoHospitalAt(operatorPage, hospital);
        } finally {
          await operator.close();
        }

        await logInFromLanding(page, 'Are Meldingsansvarlig');
        await waitForHeading(page, 'Arbeidsflate');
        await page.goto(`/ansatt/meldinger/${receipt.messageId}`);
        await waitForHeading(page, 'Melding om utskrivningsklar pasient');
        const form = page.getByRole('region', { name: 'Svar med dialogmelding', exact: true });
        await page.locator('#plo-answer-text').fill(QUESTION);
        await form.getByRole('button', { name: 'Send' }).click();
        await form.getByRole('status').getByText('Meldingen er sendt').waitFor();
        await form.getByRole('link', { name: 'Åpne den sendte meldingen' }).click();
        await waitForHeading(page, 'Forespørsel');
        const sentId = page.url().split('/').pop()!;
        const sent = (await (
          await page.request.get(`/api/plo/console/messages/${sentId}`)
        ).json()) as PloConsoleMessage;
        assert.ok(sent.msgId);

        // The hospital cannot find Per and rejects the question (HIS 80415-1.1: E35).
        const rejected = await fetch(`${journey.baseUrl}/edi/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
          body: buildAppRec({
            status: '2',
            errors: [{ code: 'E35' }],
            sender: {
              inst: { name: 'Fjordvik sykehus HF', herId: '9900001000' },
              dept: { name: 'Somatikk plo meldingsmottak', herId: '9900001001' },
            },
            senderRole: 'PRIM',
            receiver: { inst: { name: 'Fjordvik kommune', herId: '9900002000' } },
            original: { type: { v: 'DIALOG_FORESPORSEL' }, genDate: sent.sentAt ?? sent.at, msgId: sent.msgId },
          }).xml,
        });
        assert.equal(rejected.status, 202, await rejected.text());

        // The e-mail to Fjordvik's message-responsible address: the kind and a link, nothing about Per.
        const deadline = Date.now() + 60_000;
        while (
          !mails.some((m) => m.to.includes('meldingsansvarlig@fjordvik.kommune.example')) &&
          Date.now() < deadline
        ) {
          await new Promise((r) => setTimeout(r, 250));
        }
        const mail = mails.find((m) => m.to.includes('meldingsansvarlig@fjordvik.kommune.example'));
        assert.ok(mail, `an alert e-mail arrived: ${JSON.stringify(mails.map((m) => m.to))}`);
        const text = readable(mail.raw);
        assert.match(text, /Negativ applikasjonskvittering/);
        const link = /\/ansatt\/meldinger\/varsler\/([0-9a-f-]{36})/.exec(text);
        assert.ok(link, text);
        for (const secret of ['Hansen', nin, nin.slice(0, 6), QUESTION, sent.msgId]) {
          assert.ok(!text.includes(secret), `the mail carries no ${secret}`);
        }

        await page.goto('/ansatt/meldinger');
        await waitForHeading(page, 'Meldinger');
        await page.getByRole('link', { name: /^Varsler \(1 åpent\)$/ }).click();
        await waitForHeading(page, 'Varsler om meldinger');
        await page.getByText('meldingsansvarlig@fjordvik.kommune.example', { exact: false }).waitFor();
        const row = page.getByRole('row').filter({ hasText: 'Avvist av mottakeren' });
        await row.getByText('Alvorlig').waitFor();
        await row.getByText('Ikke kvittert ut').waitFor();
        assert.equal(await page.getByText('Per Hansen').count(), 0, 'no patient in the list');
        await expectNoAxeViolations(page, 'the alerts');

        await row.getByRole('link', { name: 'Avvist av mottakeren (negativ kvittering)' }).click();
        await waitForHeading(page, 'Avvist av mottakeren (negativ kvittering)');
        assert.ok(page.url().endsWith(`/ansatt/meldinger/varsler/${link[1]}`), 'the e-mail links this alert');
        await page.getByText('E35: Pasienten finnes ikke i mottakerens system', { exact: false }).waitFor();
        await page.getByRole('heading', { name: 'Hva du bør gjøre' }).waitFor();
        await expectNoAxeViolations(page, 'the alert');

        await page.getByRole('button', { name: 'Kvitter ut' }).click();
        await page.getByRole('status').getByText('Varselet er kvittert ut.').waitFor();
        await page.getByText(/Kvittert ut av Are Meldingsansvarlig/).waitFor();
        await page.getByRole('button', { name: 'Lukk varselet' }).click();
        await page.getByText('Skriv et notat om hva som ble gjort.').first().waitFor();
        await expectNoAxeViolations(page, 'the close form with a missing note');
        await page.getByLabel(/Notat: hva ble gjort\?/).fill('Ringte sykehuset; Per var registrert på feil avdeling.');
        await page.getByRole('button', { name: 'Lukk varselet' }).click();
        await page.getByRole('status').getByText('Varselet er lukket.').waitFor();
        await page.getByText(/Lukket av Are Meldingsansvarlig/).waitFor();
        await expectNoAxeViolations(page, 'the closed alert');

        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await page.getByRole('heading', { name: 'Kva du bør gjere' }).waitFor();
        await expectNoAxeViolations(page, 'the closed alert (nynorsk)');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'What to do' }).waitFor();
        await expectNoAxeViolations(page, 'the closed alert (English)');
        await page.getByRole('button', { name: 'Bokmål' }).click();

        await page.getByRole('link', { name: 'Tilbake til varslene' }).click();
        await waitForHeading(page, 'Varsler om meldinger');
        await page.getByText('Ingen åpne varsler.').waitFor();
        await page.getByRole('link', { name: 'Lukkede' }).click();
        await page.getByRole('row').filter({ hasText: 'Lukket' }).waitFor();
        await expectNoAxeViolations(page, 'the closed alerts');
        assert.deepEqual(problems, []);
      }),
  );

  void it(
    "the operator sets Fjordvik's message-responsible address in the address register",
    { timeout: 120_000 },
    () =>
      journey.visit('plo-alerts-register', DESKTOP, async ({ page, problems }) => {
        await page.goto('/auth/login?returnTo=%2Fdrift%2Fadresseregister');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Adresseregister: meldingsansvarlig');
        await page.getByLabel('Søk etter navn eller HER-id').fill('Fjordvik kommune');
        await page.getByRole('button', { name: 'Søk' }).click();
        const org = page.getByRole('region', { name: /^Fjordvik kommune/ });
        await org.getByText('meldingsansvarlig@fjordvik.kommune.example', { exact: false }).first().waitFor();
        await expectNoAxeViolations(page, 'the address register');
        await org.getByLabel('E-postadresse').fill('ikke en adresse');
        await org.getByRole('button', { name: 'Lagre' }).click();
        await org.getByText('Skriv en gyldig e-postadresse.').waitFor();
        await expectNoAxeViolations(page, 'the address register with a bad e-mail');
        await org.getByLabel('E-postadresse').fill('meldingsvakt@fjordvik.kommune.example');
        await org.getByRole('button', { name: 'Lagre' }).click();
        await org.getByRole('status').getByText('Meldingsansvarlig er lagret.').waitFor();
        await org.getByText('meldingsvakt@fjordvik.kommune.example', { exact: false }).first().waitFor();
        await page.getByRole('button', { name: 'Nynorsk' }).click();
        await waitForHeading(page, 'Adresseregister: meldingsansvarleg');
        await expectNoAxeViolations(page, 'the address register (nynorsk)');
        await page.getByRole('button', { name: 'English' }).click();
        await waitForHeading(page, 'Address register: message-responsible');
        await expectNoAxeViolations(page, 'the address register (English)');
        await page.getByRole('button', { name: 'Bokmål' }).click();
        assert.deepEqual(problems, []);
      }),
  );
});
