import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../platform/platform.ts';
import { krrPerson, type KrrPerson } from './krr.client.ts';
import { insertCapture, personsByNins } from './notifications.repository.ts';

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/**
 * Synthetic KRR contact details derived from a person in the population register: an example.com address from the
 * name and a +47 9… mobile number from a hash of the identity number. Nothing real, nothing stored.
 */
export function syntheticKrrPerson(
  p: { nin: string; givenName: string; familyName: string } | undefined,
  nin: string,
  now: Date = new Date(),
): KrrPerson {
  if (!p) {
    return {
      personidentifikator: nin,
      status: 'IKKE_REGISTRERT',
      reservasjon: 'NEI',
      varslingsstatus: 'KAN_IKKE_VARSLES',
    };
  }
  const digits = BigInt(`0x${createHash('sha256').update(p.nin).digest('hex').slice(0, 12)}`) % 10_000_000n;
  // Updated a month ago: valid under the 18-month rule (eForvaltningsforskriften § 32) whatever the date today.
  const updated = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return {
    personidentifikator: nin,
    reservasjon: 'NEI',
    status: 'AKTIV',
    varslingsstatus: 'KAN_VARSLES',
    spraak: 'nb',
    kontaktinformasjon: {
      epostadresse: `${ascii(p.givenName)}.${ascii(p.familyName)}.${p.nin.slice(-3)}@example.com`,
      epostadresse_oppdatert: updated,
      mobiltelefonnummer: `+479${String(digits).padStart(7, '0')}`,
      mobiltelefonnummer_oppdatert: updated,
    },
  };
}

const krrBody = z.object({ personidentifikatorer: z.array(z.string().max(11)).min(1).max(1000) });
/** What a test or a demo sets for one person: any of KRR's fields, laid over the synthetic answer ({} resets). */
const krrProfileBody = krrPerson.omit({ personidentifikator: true }).partial().strict();
const ninParams = z.object({ nin: z.string().regex(/^\d{11}$/) });
const smsBody = z.object({ source: z.string(), destination: z.string().max(20), userData: z.string().max(1600) });

/**
 * Development stand-ins, served only with the development IdP: a synthetic KRR (`POST /dev/krr/rest/v2/personer`,
 * KRR's request and response shape) and an SMS gateway (`POST /dev/sms/send`, LINK's shape) that records each
 * request in the capture store the operator console shows. `PUT /dev/krr/persons/:nin` lays KRR fields over one
 * person's synthetic answer (reserved, contact details 19 months old, not registered …), so the letters' channel
 * rules can be shown and tested against the same stand-in; the profiles live in this process's memory only.
 */
export const devStandIns: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const profiles = new Map<string, Partial<KrrPerson>>();
  app.post('/dev/krr/rest/v2/personer', { schema: { body: krrBody } }, async (req) => {
    const nins = req.body.personidentifikatorer;
    const rows = await personsByNins(platform.db, nins);
    const now = platform.clock.now();
    return {
      personer: nins.map((nin) => ({
        ...syntheticKrrPerson(
          rows.find((r) => r.nin === nin),
          nin,
          now,
        ),
        ...profiles.get(nin),
      })),
    };
  });
  app.put('/dev/krr/persons/:nin', { schema: { params: ninParams, body: krrProfileBody } }, async (req, reply) => {
    if (Object.keys(req.body).length === 0) {
      profiles.delete(req.params.nin);
    } else {
      profiles.set(req.params.nin, req.body);
    }
    return reply.code(204).send();
  });
  app.post('/dev/sms/send', { schema: { body: smsBody } }, async (req) => {
    await insertCapture(platform.db, {
      channel: 'sms',
      recipient: req.body.destination,
      subject: null,
      body: req.body.userData,
    });
    return { resultCode: 1005, description: 'Queued' };
  });
};
