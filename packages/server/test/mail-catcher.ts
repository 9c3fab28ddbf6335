import { SMTPServer } from 'smtp-server';
import { freePort } from './test-app.ts';

export type CaughtMail = { to: string[]; raw: string };

export type MailCatcher = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Every mail accepted, in order, with its envelope recipients (lower case). */
  mails: CaughtMail[];
  /** Recipients whose mail is refused with a temporary error (451), to test retries. */
  failFor: Set<string>;
  close(): Promise<void>;
};

/**
 * A real SMTP server on a free local port that keeps what it is sent: the app's own SMTP client talks to it as to
 * any mail server, so the tests read exactly what would have gone out.
 */
export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const failFor = new Set<string>();
  const port = await freePort();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (to.some((a) => failFor.has(a))) {
          callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 451 }));
          return;
        }
        mails.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failFor,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** A mail as text: quoted-printable soft breaks joined and =XX decoded, so "not in the mail" cannot pass by encoding. */
export function readableMail(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}
