import {
  PLO_REJECTED_LIMITS,
  type PloRejectedCloseBody,
  type PloRejectedForwardBody,
  type PloRejectedItem,
  type PloRejectedListQuery,
  type PloRejectedListResponse,
} from '@helsebro/contracts';
import { auditValues, recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import { APPREC_ERRORS } from '../codes.ts';
import type { HostedParty } from './console.repository.ts';
import { insertAuditEntries } from './console.repository.ts';
import { msgInfoOf, partyView, patientView, typeName } from './console.view.ts';
import * as repo from './rejected.repository.ts';

/** What the console service lends the queue: who the caller handles messages for, and the audited refusal. */
export type RejectedQueueHelpers = {
  myServices: (ctx: RequestContext) => Promise<HostedParty[]>;
  deny: (ctx: RequestContext, resourceId: string | null, subject: string | null, code: string) => Promise<never>;
};

const scopeOf = (mine: HostedParty[]): repo.Scope => ({
  organisationHerIds: [...new Set(mine.map((s) => s.organisationHerId).filter((h): h is string => h !== null))],
  partyIds: mine.map((s) => s.id),
});

const iso = (d: Date | string) => new Date(d).toISOString();

/** The reasons the hub gave in its negative AppRec: code list 8221 codes with their text, or the refusal's. */
function reasonsOf(problems: RejectedRow['problems']): PloRejectedItem['reasons'] {
  const list = (typeof problems === 'string' ? JSON.parse(problems) : problems) as Array<Record<string, unknown>>;
  return list.map((p) => {
    const code = typeof p.code === 'string' ? p.code : 'X99';
    const known = Object.hasOwn(APPREC_ERRORS, code) ? APPREC_ERRORS[code as keyof typeof APPREC_ERRORS] : null;
    return {
      code,
      text:
        known ?? (code === 'sender_party_foreign' ? 'Avsenderen kan ikke sende på vegne av tjenesten' : 'Annen feil'),
      detail: typeof p.detail === 'string' ? p.detail : null,
    };
  });
}
type RejectedRow = repo.RejectedRow;

function itemView(r: RejectedRow): PloRejectedItem {
  const info = msgInfoOf(r.parsed);
  return {
    id: r.id,
    msgType: r.msg_type,
    typeName: typeName(r.msg_type, info),
    status: r.status,
    at: iso(r.received_at),
    sender: partyView(r.sender_her_id, r.sender_party_her_id, info?.sender),
    receiver: partyView(r.receiver_her_id, r.receiver_party_her_id, info?.receiver),
    patient: patientView(
      {
        patientPersonId: r.patient_person_id,
        patientNin: r.patient_nin,
        givenName: r.given_name,
        familyName: r.family_name,
        birthDate: r.birth_date,
      },
      info,
    ),
    reasons: reasonsOf(r.problems),
    done:
      r.outcome && r.note && r.decided_at
        ? {
            outcome: r.outcome,
            note: r.note,
            by: r.decided_by_name || null,
            at: iso(r.decided_at),
            forwardedTo:
              r.forwarded_her_id && r.forwarded_name ? { herId: r.forwarded_her_id, name: r.forwarded_name } : null,
          }
        : null,
  };
}

/**
 * The rejected-message queue (issue 14, D6). A message the hub answered with a negative AppRec is shown to the
 * message handlers of the organisation it was addressed to — by its organisation's HER-id, since the service it
 * named may be one the organisation does not have — with the reasons; a handler forwards it to the right service
 * (it lands in that inbox as new) or closes it with a note. The sender was told by the AppRec, so nothing is sent.
 * Listing audits every message shown with its patient; deciding is audited `plo_rejected.close`/`.forward`.
 * @param deps - store and address register
 * @param h - the console's access helpers
 */
export function createRejectedQueue(deps: { db: Db; register: AddressRegister }, h: RejectedQueueHelpers) {
  const { db } = deps;

  /** The message, if addressed to the caller's organisation (else 404 for none, 403 audited for another's). */
  async function visible(ctx: RequestContext, id: string) {
    const mine = await h.myServices(ctx);
    const row = await repo.findRejected(db, id);
    if (!row) {
      throw new NotFoundError('Fant ikke den avviste meldingen.', 'message_not_found');
    }
    if (!repo.isInScope(row, scopeOf(mine))) {
      return h.deny(ctx, id, row.patient_person_id, 'not_your_message');
    }
    return { row, mine };
  }

  async function decided(id: string): Promise<PloRejectedItem> {
    const row = await repo.findRejected(db, id);
    return itemView(row!);
  }

  return {
    async rejected(ctx: RequestContext, query: PloRejectedListQuery): Promise<PloRejectedListResponse> {
      const mine = await h.myServices(ctx);
      const pageSize = PLO_REJECTED_LIMITS.pageSize;
      return db.transaction(async (tx) => {
        const { rows, total, open } = await repo.listRejected(tx, scopeOf(mine), query.state, query.page, pageSize);
        await insertAuditEntries(
          tx,
          rows.map((r) =>
            auditValues(ctx, {
              action: 'plo_message.read',
              resourceType: 'plo_message',
              resourceId: r.id,
              subjectPersonId: r.patient_person_id,
              details: { via: 'console_rejected' },
            }),
          ),
        );
        return {
          items: rows.map(itemView),
          page: query.page,
          pageSize,
          total,
          openCount: open,
          services: mine.map((s) => ({ herId: s.herId, name: s.name })),
        };
      });
    },

    async close(ctx: RequestContext, id: string, body: PloRejectedCloseBody): Promise<PloRejectedItem> {
      const { row } = await visible(ctx, id);
      await decide(ctx, row, { outcome: 'closed', note: body.note, forwardTo: null });
      return decided(id);
    },

    async forward(ctx: RequestContext, id: string, body: PloRejectedForwardBody): Promise<PloRejectedItem> {
      const { row, mine } = await visible(ctx, id);
      const target = mine.find((s) => s.herId === body.serviceHerId);
      if (!target) {
        throw new ValidationError(
          'Velg en av tjenestene i organisasjonen deres.',
          [{ path: 'body.serviceHerId', message: 'Velg en av tjenestene i organisasjonen deres.' }],
          'not_your_service',
        );
      }
      const party = await deps.register.byId(target.id);
      await decide(ctx, row, {
        outcome: 'forwarded',
        note: body.note,
        forwardTo: { partyId: target.id, municipalityId: party?.municipalityId ?? null },
      });
      return decided(id);
    },
  };

  async function decide(
    ctx: RequestContext,
    row: RejectedRow,
    d: {
      outcome: 'closed' | 'forwarded';
      note: string;
      forwardTo: { partyId: string; municipalityId: string | null } | null;
    },
  ): Promise<void> {
    if (ctx.actor.kind !== 'personnel') {
      return h.deny(ctx, row.id, row.patient_person_id, 'not_message_handler');
    }
    const personnelId = ctx.actor.personnelId;
    await db.transaction(async (tx) => {
      const first = await repo.decide(tx, { messageId: row.id, personnelId, ...d });
      if (!first) {
        throw new ConflictError('Noen har allerede gått gjennom denne meldingen.', 'already_decided');
      }
      await recordAudit(tx, ctx, {
        action: d.outcome === 'closed' ? 'plo_rejected.close' : 'plo_rejected.forward',
        resourceType: 'plo_message',
        resourceId: row.id,
        subjectPersonId: row.patient_person_id,
        details: d.forwardTo ? { forwardedToPartyId: d.forwardTo.partyId } : {},
      });
    });
  }
}
