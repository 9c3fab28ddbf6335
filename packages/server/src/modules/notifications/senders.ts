import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { insertCapture } from './notifications.repository.ts';

export type Notice = { channel: 'sms' | 'email'; to: string; subject: string; text: string };

/**
 * Sends one notice: e-mail over SMTP (nodemailer, SMTP_URL), SMS through the HTTP gateway (SMS_GATEWAY_URL, LINK
 * Mobility's JSON shape). Outside production an unconfigured channel goes to the capture store instead. Throws
 * on failure; the outbox retries.
 */
export async function sendNotice(
  q: Queryable,
  config: Config['notifications'],
  notice: Notice,
  signal: AbortSignal,
): Promise<void> {
  if (notice.channel === 'email') {
    if (!config.smtpUrl) {
      return capture(q, config, notice);
    }
    const transport = nodemailer.createTransport(config.smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await transport.sendMail({ from: config.mailFrom, to: notice.to, subject: notice.subject, text: notice.text });
    } finally {
      transport.close();
    }
    return;
  }
  if (!config.smsGatewayUrl) {
    return capture(q, config, notice);
  }
  const url = new URL(config.smsGatewayUrl);
  const auth = url.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : null;
  url.username = '';
  url.password = '';
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({
      source: config.smsSender,
      destination: notice.to,
      userData: notice.text,
      platformId: 'COMMON_API',
      platformPartnerId: 'helsebro',
    }),
    signal,
  });
  if (!res.ok) {
    throw new Error(`the SMS gateway answered ${res.status}`);
  }
}

async function capture(q: Queryable, config: Config['notifications'], notice: Notice): Promise<void> {
  if (!config.captureUnconfigured) {
    throw new Error(`no ${notice.channel === 'email' ? 'SMTP_URL' : 'SMS_GATEWAY_URL'} configured`);
  }
  await insertCapture(q, {
    channel: notice.channel,
    recipient: notice.to,
    subject: notice.channel === 'email' ? notice.subject : null,
    body: notice.text,
  });
}
