import { z } from 'zod';
import type { Job, JobContext } from '../../../platform/jobs/index.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import type { OutgoingCredentials } from '../send/outgoing-credentials.ts';
import * as repo from './messages.repository.ts';

const payload = z.object({ appRecRowId: z.uuid() });
const TIMEOUT_MS = 15_000;

/**
 * The outbox handler for `plo.apprec.send`: POSTs the AppRec XML to the transport endpoint of the original
 * sender (from the address register, inherited from its organisation). Any failure throws, so the outbox retries
 * with backoff and finally marks the job dead for the operator (HIS 1037 §5.2: alert when retries run out).
 * A repeat after success is harmless: the receiver keeps an AppRec once per id. It presents the bearer credential
 * we hold for the partner, as a message delivery does (send/deliver.job.ts); without one it waits and retries, so
 * an operator can add the credential before the job dies.
 * @param register - the address register
 * @param credentials - the tokens we present to partners
 * @param fetchImpl - fetch, replaceable in tests
 */
export function appRecSendHandler(
  register: AddressRegister,
  credentials: OutgoingCredentials,
  fetchImpl: typeof fetch = fetch,
) {
  return async (job: Job, { platform, signal }: JobContext<Platform>): Promise<void> => {
    const { appRecRowId } = payload.parse(job.payload);
    const row = await repo.findAppRecToSend(platform.db, appRecRowId);
    if (!row) {
      throw new Error(`AppRec ${appRecRowId} not found`);
    }
    if (row.delivery === 'delivered') {
      return;
    }
    const to =
      (row.senderPartyHerId ? await register.lookup(row.senderPartyHerId) : undefined) ??
      (row.senderPartyId ? await register.byId(row.senderPartyId) : undefined);
    const endpoint = to ? await register.endpointOf(to) : null;
    if (!endpoint) {
      throw new Error(`No transport endpoint for the sender ${row.senderPartyHerId ?? row.senderHerId ?? '?'}`);
    }
    const token = to ? await credentials.tokenFor(to) : null;
    if (!token) {
      throw new Error(`No outgoing credential held for the sender ${to?.herId ?? '?'}`);
    }
    const res = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8', authorization: `Bearer ${token}` },
      body: row.xml,
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
    await res.body?.cancel();
    if (!res.ok) {
      throw new Error(`The partner answered ${res.status} to AppRec ${row.appRecId}`);
    }
    await repo.markAppRecDelivered(platform.db, row.id);
  };
}
