import { z } from 'zod';

/**
 * A client for KRR's person lookup (Oppslagstjenesten REST v2, POST `personidentifikatorer`), speaking KRR's JSON
 * shape (integrations.md §1.3). Results are used for one dispatch and never stored: Digdir's terms say look up at
 * every dispatch and do not copy into local contact registers.
 */
export const krrPerson = z.object({
  personidentifikator: z.string(),
  reservasjon: z.enum(['JA', 'NEI']).optional(),
  reservasjonstidspunkt: z.string().optional(),
  status: z.enum(['AKTIV', 'SLETTET', 'IKKE_REGISTRERT']),
  varslingsstatus: z.enum(['KAN_VARSLES', 'KAN_IKKE_VARSLES']).optional(),
  spraak: z.string().optional(),
  kontaktinformasjon: z
    .object({
      epostadresse: z.string().optional(),
      epostadresse_oppdatert: z.string().optional(),
      epostadresse_sist_verifisert: z.string().optional(),
      mobiltelefonnummer: z.string().optional(),
      mobiltelefonnummer_oppdatert: z.string().optional(),
      mobiltelefonnummer_sist_verifisert: z.string().optional(),
    })
    .optional(),
  digital_post: z.object({ postkasseadresse: z.string(), postkasseleverandoeradresse: z.string() }).optional(),
});
export const krrResponse = z.object({ personer: z.array(krrPerson) });
export type KrrPerson = z.infer<typeof krrPerson>;
export type KrrResponse = z.infer<typeof krrResponse>;

export type KrrContact = { email: string | null; mobile: string | null; language: string | null };

/** Contact details a notice may use: an active person who can be notified. */
export function usableContact(p: KrrPerson | undefined): KrrContact | null {
  if (!p || p.status !== 'AKTIV' || p.varslingsstatus === 'KAN_IKKE_VARSLES') {
    return null;
  }
  return {
    email: p.kontaktinformasjon?.epostadresse ?? null,
    mobile: p.kontaktinformasjon?.mobiltelefonnummer ?? null,
    language: p.spraak ?? null,
  };
}

/** eForvaltningsforskriften § 32 (integrations.md §1.5): contact details older than this may not carry a notice. */
export const KRR_VALID_MONTHS = 18;

/**
 * The channels a notice about a vedtak or another important letter may use (eForvaltningsforskriften § 8 third
 * paragraph, § 32): each channel on its own, usable when its address was updated or confirmed
 * (`*_oppdatert` or `*_sist_verifisert`) within the last 18 months. E-mail may have expired while the mobile
 * number is still valid (integrations.md §1.5).
 * @param p - the person as KRR answered
 * @param now - the time of the dispatch
 */
export function validNoticeChannels(p: KrrPerson, now: Date): Array<'sms' | 'email'> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - KRR_VALID_MONTHS);
  const recent = (...dates: Array<string | undefined>) =>
    dates.some((d) => d !== undefined && !Number.isNaN(Date.parse(d)) && Date.parse(d) >= cutoff.getTime());
  const k = p.kontaktinformasjon;
  const channels: Array<'sms' | 'email'> = [];
  if (k?.mobiltelefonnummer && recent(k.mobiltelefonnummer_oppdatert, k.mobiltelefonnummer_sist_verifisert)) {
    channels.push('sms');
  }
  if (k?.epostadresse && recent(k.epostadresse_oppdatert, k.epostadresse_sist_verifisert)) {
    channels.push('email');
  }
  return channels;
}

/**
 * Looks up to 1000 persons per call and gives KRR's answer per identity number as it is (reservation, status,
 * dates), for a decision that needs more than an address: the letters' channel. Kept in memory only.
 */
export async function lookupKrrPersons(
  url: string,
  token: string | null,
  nins: string[],
  signal?: AbortSignal,
): Promise<Map<string, KrrPerson | undefined>> {
  const result = new Map<string, KrrPerson | undefined>();
  for (let i = 0; i < nins.length; i += 1000) {
    const batch = nins.slice(i, i + 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ personidentifikatorer: batch, inkluderIkkeRegistrerte: false }),
      signal: signal ?? AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      throw new Error(`KRR answered ${res.status}`);
    }
    const body = krrResponse.parse(await res.json());
    for (const nin of batch) {
      result.set(
        nin,
        body.personer.find((p) => p.personidentifikator === nin),
      );
    }
  }
  return result;
}

/**
 * Looks up to 1000 persons in one call.
 * @param url - the `/rest/v2/personer` endpoint
 * @param token - a Maskinporten access token, when the endpoint needs one
 * @param nins - fødselsnummer or D-nummer
 * @returns the contact per identity number (null: not to be notified)
 */
export async function lookupKrr(
  url: string,
  token: string | null,
  nins: string[],
  signal?: AbortSignal,
): Promise<Map<string, KrrContact | null>> {
  const result = new Map<string, KrrContact | null>();
  for (let i = 0; i < nins.length; i += 1000) {
    const batch = nins.slice(i, i + 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ personidentifikatorer: batch, inkluderIkkeRegistrerte: false }),
      signal: signal ?? AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      throw new Error(`KRR answered ${res.status}`);
    }
    const body = krrResponse.parse(await res.json());
    for (const nin of batch) {
      result.set(nin, usableContact(body.personer.find((p) => p.personidentifikator === nin)));
    }
  }
  return result;
}
