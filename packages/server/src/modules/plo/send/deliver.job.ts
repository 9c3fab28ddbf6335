import { z } from 'zod';
import type { Queryable } from '../../../platform/db/client.ts';
import { ConflictError } from '../../../platform/errors.ts';
import {
  PermanentJobFailure,
  type Job,
  type JobContext,
  type JobRetryHook,
  type RetryAudit,
} from '../../../platform/jobs/index.ts';
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
 * 408/425/429 fails the message at once and the job with it (`PermanentJobFailure`: retrying cannot help, and the
 * operator sees it dead); a network error, 5xx, 408, 425 or 429 puts it back to `queued` and throws, so the outbox
 * retries with backoff, and the last attempt fails it. A message already delivered, AppRec'd or failed is left
 * alone, so a repeated job sends nothing twice; the operator's retry of a failed one goes through
 * `retryFailedDelivery`.
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
      throw new PermanentJobFailure(`Message ${m.msgId ?? m.id}: the partner answered ${res.status}`);
    }
    return retry(`the partner answered ${res.status}`, { httpStatus: res.status });
  };
}

/** Why a message in this status is not sent again, as the operator's 409 says it. */
const NOT_RESENT: Partial<Record<repo.OutStatus, { code: string; text: string }>> = {
  delivered: {
    code: 'plo_message_delivered',
    text: 'Meldingen er allerede levert til mottakeren og venter på kvittering; den sendes ikke på nytt.',
  },
  apprec_ok: {
    code: 'plo_message_acknowledged',
    text: 'Mottakeren har allerede kvittert for meldingen; den sendes ikke på nytt.',
  },
  apprec_rejected: {
    code: 'plo_message_rejected',
    text: 'Mottakeren har avvist meldingen. En rettet melding må sendes som en ny melding med ny MsgId.',
  },
};

/**
 * The retry hook of `plo.message.send` (platform/jobs `JobRetryHook`), run in the transaction where the operator
 * resets the dead job. A failed message goes back to `queued` with an entry in its history, so the delivery job
 * sends it instead of leaving it alone; a message still queued or sent (its job died some other way) is sent as it
 * is. One the partner already has is refused with 409: delivered (the partner answered 2xx), or AppRec'd — after a
 * positive AppRec there is nothing to send, and after a negative one the corrected message needs a new MsgId
 * (HIS 80415-1.1 §3.2), so it is a new message, not a retry.
 * @param q - the operator's transaction
 * @param job - the dead job
 * @returns what the operator's audit entry records: the message, its MsgId and status, and the patient as subject
 */
export const retryFailedDelivery: JobRetryHook = async (q: Queryable, job): Promise<RetryAudit> => {
  const parsed = payload.safeParse(job.payload);
  const m = parsed.success ? await repo.findForDelivery(q, parsed.data.messageId) : undefined;
  if (!m) {
    throw new ConflictError('Meldingen jobben skulle sende, finnes ikke.', 'plo_message_not_found');
  }
  const requeued = await repo.transition(q, m.id, ['failed'], 'queued', { retry: 'operator', jobId: job.id });
  const status = requeued ? 'failed' : (await repo.findForDelivery(q, m.id))!.status;
  const refusal = NOT_RESENT[status as repo.OutStatus];
  if (refusal) {
    throw new ConflictError(refusal.text, refusal.code);
  }
  return {
    subjectPersonId: m.patientPersonId,
    details: { messageId: m.id, msgId: m.msgId, messageStatus: status, requeued },
  };
};

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
