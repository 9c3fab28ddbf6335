import type { EpjEventsQuery, EpjEventsResponse } from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import type { MachineCaller } from './bearer.ts';
import { epjRepository as repo } from './epj.repository.ts';

/** The feed cursor: opaque to clients (base64url), versioned so its inside can change without breaking them. */
const CURSOR = /^v1\.([0-9]{1,15})$/;
export const encodeCursor = (id: number): string => Buffer.from(`v1.${id}`).toString('base64url');
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') {
    return 0;
  }
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!m?.[1]) {
    throw new ValidationError(
      'Ukjent markør. Bruk «cursor» fra et tidligere svar, eller utelat «after» for å begynne fra starten.',
      [{ path: 'querystring.after', message: 'ukjent markør' }],
      'invalid_cursor',
    );
  }
  return Number(m[1]);
}

/**
 * Places an EPJ machine client (its verified token) in the municipality its organisation number names; a refusal
 * is audited. The EPJ scope's auth hook runs it before every /epj/v1 route.
 * @param db - the store
 * @param ctx - the request's context so far
 * @param caller - the verified token's client and organisation
 */
export async function authoriseMachineClient(
  db: Db,
  ctx: RequestContext,
  caller: MachineCaller,
): Promise<RequestContext> {
  const machine: RequestContext = {
    ...ctx,
    actor: { kind: 'partner', partnerId: caller.clientId },
    purpose: 'epj_integration',
  };
  const municipality = caller.orgNumber ? await repo.municipalityByOrgNumber(db, caller.orgNumber) : null;
  if (!municipality) {
    await recordAudit(
      db,
      machine,
      { action: 'epj.authenticate', resourceType: 'epj_client', details: { orgNumber: caller.orgNumber } },
      'denied',
    );
    throw new ForbiddenError(
      `Organisasjonsnummeret i tokenet (${caller.orgNumber ?? 'mangler'}) hører ikke til en kommune på Helsebro.`,
      'organisation_not_customer',
    );
  }
  return { ...machine, municipalityId: municipality.id };
}

/**
 * The EPJ API's own use cases (E1): placing the machine client in its municipality, and the event feed. The
 * feature modules' EPJ routes (dialog, appointments) are theirs, registered inside the EPJ scope.
 * @param platform - the store
 */
export function createEpjService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  return {
    authorise: (ctx: RequestContext, caller: MachineCaller) => authoriseMachineClient(db, ctx, caller),

    /** The municipality's events after the cursor, oldest first. Each citizen concerned gets an audit entry. */
    async events(ctx: RequestContext, query: EpjEventsQuery): Promise<EpjEventsResponse> {
      const afterId = decodeCursor(query.after);
      let rows: Awaited<ReturnType<typeof repo.eventsAfter>>;
      try {
        rows = await repo.eventsAfter(db, ctx, afterId, query.limit);
        await repo.countFeedRead(db, ctx, false);
      } catch (e) {
        // A failed read counts against the feed's availability (evaluation, seed 000 §7); the counting itself may
        // fail too when the store is down, and then the original error is the one to answer with.
        await repo.countFeedRead(db, ctx, true).catch(() => undefined);
        throw e;
      }
      const page = rows.slice(0, query.limit);
      const byPerson = new Map<string | null, number[]>();
      for (const e of page) {
        byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e.id]);
      }
      // An empty poll shows no one's data and is not audited (an EPJ polls every few seconds).
      if (byPerson.size > 0) {
        await db.transaction(async (tx) => {
          for (const [personId, ids] of byPerson) {
            await recordAudit(tx, ctx, {
              action: 'epj.events.read',
              resourceType: 'epj_event',
              subjectPersonId: personId,
              details: { events: ids },
            });
          }
        });
      }
      return {
        events: page.map((e) => ({
          cursor: encodeCursor(e.id),
          kind: e.kind,
          occurredAt: e.occurredAt.toISOString(),
          serviceUnit: e.unitId && e.unitName ? { id: e.unitId, name: e.unitName } : null,
          refs: e.refs,
        })),
        cursor: encodeCursor(page.at(-1)?.id ?? afterId),
        hasMore: rows.length > query.limit,
      };
    },
  };
}

export type EpjService = ReturnType<typeof createEpjService>;
