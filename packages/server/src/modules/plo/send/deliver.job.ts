import { z } from 'zod';
import type { Job, JobContext } from '../../../platform/jobs/index.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import type { OutgoingCredentials } from './outgoing-credentials.ts';
import * as repo from './send.repository.ts';

const payload = z.object({ messageId: z.uuid() });
const TIMEOUT_MS = 30_000;
/** What the partner's transport receipt may tell us (contracts `ediReceipt`); only the outcome is kept. */
const receipt = z.object({ outcome: z.string().max(40) }).partial();

/**
 * Attempts of one delivery before the message is failed. With the outbox's backoff (5 s doubling to 30 min) that is
 * about two hours of retries: a partner down for a maintenance window loses nothing, and a partner gone for longer
 * becomes a failed message for the message handler (HIS 1037 §5.2: alert when retries run out).
 */
export const DELIVERY_MAX_ATTEMPTS = 12;

/** 4xx answers that mean "try again later" rather than "this message will never be taken". */
const RETRYABLE_4XX = new Set([408, 425, 429]);

class RetryLater extends Error {
  override name = 'RetryLater';
}

/**
 * The outbox handler for `plo.message.send`: POSTs an outgoing message's stored XML to the receiver's transport
 * endpoint (its own or its organisation's, from the address register) with the bearer credential we hold for that
 * partner, and records each step in the message's history: `sent` when the request is made, `delivered` when the
 * partner answers 2xx (a repeat answered "duplicate" is delivered too: the partner has it). A 4xx other than
 * 408/425/429 fails the message at once (retrying cannot help); a network error, 5xx, 408, 425 or 429 puts it back
 * to `queued` and throws, so the outbox retries with backoff, and the last attempt fails it. A message already
 * delivered, AppRec'd or failed is left alone, so a repeated job sends nothing twice.
 * @param deps - the address register, the credentials we present, and fetch (replaceable in tests)
 */
export function messageSendHandler(deps: {
  register: AddressRegister;
  credentials: OutgoingCredentials;
  fetchImpl?: typeof fetch;
}) {
  const { register, credentials } = deps;
  const fetchImpl = deps.fetchImpl ?? fetch;
  return async (job: Job, { platform, signal }: JobContext<Platform>): Promise<void> => {
    const { db } = platform;
    const { messageId } = payload.parse(job.payload);
    const m = await repo.findForDelivery(db, messageId);
    if (!m) {
      throw new Error(`Outgoing message ${messageId} not found`);
    }
    if (m.status !== 'queued' && m.status !== 'sent') {
      return;
    }
    const attempt = job.attempts;
    const last = job.attempts >= job.maxAttempts;

    /** Back to queued for the next attempt, or failed when this was the last; throws either way. */
    const retry = async (reason: string, detail: Record<string, unknown> = {}): Promise<never> => {
      if (last) {
        await repo.transition(db, m.id, ['queued', 'sent'], 'failed', { attempt, reason, ...detail, final: true });
      } else {
        await repo.transition(db, m.id, ['queued', 'sent'], 'queued', { attempt, reason, ...detail, retry: true });
      }
      throw new RetryLater(`Message ${m.msgId ?? m.id}: ${reason}`);
    };

    const receiver = m.receiverPartyId ? await register.byId(m.receiverPartyId) : undefined;
    const endpoint = receiver ? await register.endpointOf(receiver) : null;
    if (!receiver || !endpoint) {
      return retry('no transport endpoint for the receiver in the address register');
    }
    const token = await credentials.tokenFor(receiver);
    if (!token) {
      return retry(`no outgoing credential held for the partner of ${receiver.herId}`);
    }
    await repo.transition(db, m.id, ['queued', 'sent'], 'sent', { attempt, endpoint });
    let res: Response;
    try {
      res = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/xml; charset=utf-8', authorization: `Bearer ${token}` },
        body: m.raw,
        signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
      });
    } catch (err) {
      // The cause's code (ECONNREFUSED, …) only: the error text can carry the request, never the body or token here.
      const cause = (err as { cause?: { code?: unknown } }).cause?.code;
      return retry('network error', { error: typeof cause === 'string' ? cause : (err as Error).name });
    }
    const outcome = await readOutcome(res);
    if (res.ok) {
      await repo.transition(db, m.id, ['queued', 'sent'], 'delivered', { attempt, httpStatus: res.status, outcome });
      return;
    }
    if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)) {
      await repo.transition(db, m.id, ['queued', 'sent'], 'failed', { attempt, httpStatus: res.status, outcome });
      return;
    }
    return retry(`the partner answered ${res.status}`, { httpStatus: res.status });
  };
}

/** The receipt's `outcome` (accepted, rejected, duplicate) or a problem's `code`, when the answer is small JSON. */
async function readOutcome(res: Response): Promise<string | null> {
  try {
    const type = res.headers.get('content-type') ?? '';
    const length = Number(res.headers.get('content-length') ?? '0');
    if (!type.includes('json') || length > 64 * 1024) {
      await res.body?.cancel();
      return null;
    }
    const body = (await res.json()) as Record<string, unknown>;
    const parsed = receipt.safeParse(body);
    const code = typeof body.code === 'string' ? body.code.slice(0, 60) : null;
    return (parsed.success ? parsed.data.outcome : undefined) ?? code;
  } catch {
    return null;
  }
}
