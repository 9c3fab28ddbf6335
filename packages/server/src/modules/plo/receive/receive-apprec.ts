import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { ForbiddenError, ValidationError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { XmlElement, XmlIssue } from '../../../platform/xml/index.ts';
import type { AddressRegister, RegisterParty } from '../address-register/address-register.service.ts';
import { parseAppRec } from '../apprec/apprec.parse.ts';
import { transition } from '../send/send.repository.ts';
import * as repo from './messages.repository.ts';

/** The answer to a posted AppRec: stored (or a repeat), and the outgoing message it answers, if found. */
export type AppRecReceipt = {
  outcome: 'apprec_received' | 'apprec_duplicate';
  appRecId: string;
  messageId: string | null;
};

/**
 * Receives an AppRec for a message Helsebro sent: stored once per (answering party, AppRec id) and the message's
 * status set to apprec_ok or apprec_rejected. Never answered with an AppRec (HIS 80415-1.1 §3; HITS 1168 §5).
 * A late AppRec is still accepted and applied (HIS 80415-1.1 Errata 4: the sender must accept late receipts); a
 * second AppRec for the same message is stored but does not change its status.
 */
export async function receiveAppRec(
  deps: { db: Db; register: AddressRegister },
  ctx: RequestContext,
  partner: { credentialId: string; party: RegisterParty },
  outcome: { root: XmlElement; valid: boolean; issues: XmlIssue[] },
  bytes: Buffer,
): Promise<{ status: 202 | 200; body: AppRecReceipt }> {
  if (!outcome.valid) {
    throw new ValidationError(
      'AppRec validerer ikke mot skjema; den kan ikke kvitteres (en AppRec besvares aldri med en AppRec).',
      outcome.issues.slice(0, 10).map((i) => ({ path: `body:${i.line}`, message: i.message })),
      'apprec_invalid',
    );
  }
  const a = parseAppRec(outcome.root);
  if (a.sender.inst.herId !== partner.party.herId) {
    throw new ForbiddenError(
      `AppRec-avsender ${a.sender.inst.herId ?? '(mangler)'} er ikke nøkkelens part.`,
      'sender_mismatch',
    );
  }
  const answering = a.sender.dept?.herId ?? a.sender.hcPerson?.herId ?? a.sender.inst.herId;
  const answeringParty = await deps.register.lookup(answering);
  return deps.db.transaction(async (tx) => {
    // Only a message we sent to this partner: another partner cannot settle it with an AppRec of its own.
    const found = await repo.findSent(tx, a.original.id);
    const sent = found && found.receiverHerId === partner.party.herId ? found : undefined;
    const fresh = await repo.insertReceivedAppRec(tx, {
      direction: 'in',
      appRecId: a.id,
      messageId: sent?.id ?? null,
      answeringHerId: answering,
      partyId: answeringParty?.id ?? null,
      role: a.senderRole ?? null,
      status: a.status === '1' || a.status === '3' ? a.status : '2',
      errors: a.errors.map((e) => ({
        code: e.code,
        text: e.text,
        ...(e.detail !== undefined ? { detail: e.detail } : {}),
      })),
      originalMsgId: a.original.id,
      xml: bytes,
      delivery: 'received',
    });
    // The first AppRec decides: a receiver sends exactly one and never turns it around (HITS 1168 §5.4;
    // HIS 80415-1.1 §3). A second one is kept for inspection but changes nothing.
    // A late AppRec still counts (Errata 4), also for a message whose delivery we had given up on: it arrived; and
    // for one the monitor counted as rejected after 96 h without an AppRec (plo/monitor): that was no AppRec.
    const first = sent !== undefined && fresh && (await repo.receivedAppRecCount(tx, sent.id)) === 1;
    if (fresh && sent && first) {
      await transition(
        tx,
        sent.id,
        ['queued', 'sent', 'delivered', 'failed', 'apprec_rejected'],
        a.status === '1' || a.status === '3' ? 'apprec_ok' : 'apprec_rejected',
        { appRecId: a.id, answeringHerId: answering, errors: a.errors.map((e) => e.code) },
      );
    }
    await recordAudit(tx, ctx, {
      action: 'plo_apprec.receive',
      resourceType: 'plo_message',
      resourceId: sent?.id ?? null,
      subjectPersonId: sent?.patientPersonId ?? null,
      details: { appRecId: a.id, status: a.status, matched: Boolean(sent), repeat: !fresh, applied: fresh && first },
    });
    return {
      status: fresh ? (202 as const) : (200 as const),
      body: { outcome: fresh ? 'apprec_received' : 'apprec_duplicate', appRecId: a.id, messageId: sent?.id ?? null },
    };
  });
}
