import {
  FULLMAKT_HOLDER_LOOKUPS_PER_HOUR,
  isValidNin,
  SERVICE_AREAS,
  type FullmaktHolderLookupBody,
  type FullmaktHolderLookupResponse,
  type FullmaktItem,
  type FullmakterResponse,
  type FullmaktStatus,
  type GiveFullmaktBody,
  type ReplaceFullmaktBody,
  type ServiceArea,
} from '@helsebro/contracts';
import { audited, auditedRead, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ActiveSession } from '../identity/index.ts';
import { ageOn, osloDate } from './dates.ts';
import * as repo from './fullmakt.repository.ts';
import { findPersonByNin, findPersons, lockPerson, type NamedPerson } from './representation.repository.ts';
import { AGE } from './representation.rules.ts';
import { requireActingForSelf, requireRecentLogin } from './representation.service.ts';

/**
 * Fullmakt: give (by the holder's identity number, areas and period), list given and received with history, end
 * (either side), replace (an edit: end plus new). Only a citizen acting for themselves manages fullmakter; giving
 * and replacing need a recent login. Every step is audited with the giver as subject.
 * @param platform - store, clock and configuration
 */
export function createFullmaktService(platform: Pick<Platform, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = platform;

  /** The checks of a new fullmakt that need no lookup: the period. */
  const checkPeriod = (body: ReplaceFullmaktBody, today: string) => {
    const from = body.validFrom ?? today;
    const to = body.validTo ?? null;
    if (from < today) {
      throw new ValidationError(
        'En fullmakt kan ikke starte før i dag.',
        [{ path: 'validFrom', message: 'før i dag' }],
        'fullmakt_start_in_past',
      );
    }
    if (to !== null && to < from) {
      throw new ValidationError(
        'Sluttdatoen kan ikke være før startdatoen.',
        [{ path: 'validTo', message: 'før startdatoen' }],
        'fullmakt_end_before_start',
      );
    }
    const areas = SERVICE_AREAS.filter((a) => body.serviceAreas.includes(a));
    return { from, to, areas };
  };

  /** Inserts after the overlap check, inside the transaction that holds the giver's lock. */
  const insertChecked = async (
    tx: Tx,
    p: { giverId: string; holderId: string; from: string; to: string | null; areas: ServiceArea[] },
    replacesId: string | null,
  ) => {
    await lockPerson(tx, p.giverId);
    if ((await repo.findOverlapping(tx, p, replacesId)).length > 0) {
      throw new ConflictError(
        'Du har allerede gitt denne personen fullmakt for et av de samme tjenesteområdene i samme periode. Endre eller avslutt den i stedet.',
        'fullmakt_overlap',
      );
    }
    const row = await repo.insertFullmakt(tx, {
      giverId: p.giverId,
      holderId: p.holderId,
      serviceAreas: p.areas,
      validFrom: p.from,
      validTo: p.to,
      createdAt: clock.now(),
      replacesId,
    });
    const named = await repo.findFullmakt(tx, row.id);
    return toItem(named!, osloDate(clock.now()));
  };

  return {
    /**
     * The fullmakter the citizen has given and received: current (active, scheduled) and history (ended, expired).
     * @param ctx - a citizen acting for themselves
     */
    async list(ctx: RequestContext): Promise<FullmakterResponse> {
      const me = requireActingForSelf(ctx);
      const today = osloDate(clock.now());
      const rows = await auditedRead(
        db,
        ctx,
        { action: 'fullmakt.list', resourceType: 'fullmakt', subjectPersonId: me },
        (q) => repo.listFullmakter(q, me),
      );
      const items = rows.map((r) => toItem(r, today));
      const split = (list: FullmaktItem[]) => ({
        current: list
          .filter((f) => f.status === 'active' || f.status === 'scheduled')
          .sort((a, b) => (a.validTo ?? '9999').localeCompare(b.validTo ?? '9999')),
        history: list.filter((f) => f.status === 'ended' || f.status === 'expired'),
      });
      return {
        given: split(items.filter((f) => f.giver.personId === me)),
        received: split(items.filter((f) => f.holder.personId === me)),
      };
    },

    /**
     * Gives a fullmakt, naming the rule when it cannot be given: invalid number, to yourself, giver under 16,
     * a confidential address on either side, holder deceased or under 18, a period in the past or ending before
     * it starts, an overlap with a live fullmakt to the same holder.
     * @param ctx - a citizen acting for themselves
     * @param session - the caller's session (recent login)
     * @param body - holder, areas and period
     */
    async give(ctx: RequestContext, session: ActiveSession, body: GiveFullmaktBody): Promise<FullmaktItem> {
      const giverId = requireActingForSelf(ctx);
      requireRecentLogin(session, clock.now(), config.reauthMaxAgeMinutes);
      const nin = holderNinOf(body);
      const today = osloDate(clock.now());
      const period = checkPeriod(body, today);
      const entry: AuditEntry = { action: 'fullmakt.give', resourceType: 'fullmakt', subjectPersonId: giverId };
      return audited(db, ctx, entry, async (tx) => {
        const holder = await findPersonByNin(tx, nin);
        if (!holder) {
          throw new NotFoundError('Fant ingen person med dette fødselsnummeret i folkeregisteret.', 'person_not_found');
        }
        const giver = (await findPersons(tx, [giverId])).get(giverId);
        checkParties(giver!, holder, today);
        const item = await insertChecked(tx, { giverId, holderId: holder.id, ...period }, null);
        // The entry is written after fn returns, so it can name the new fullmakt.
        entry.resourceId = item.id;
        entry.details = {
          holderId: holder.id,
          serviceAreas: item.serviceAreas,
          validFrom: item.validFrom,
          validTo: item.validTo,
        };
        return item;
      });
    },

    /**
     * The name of the person with this number, before a fullmakt is given to them (issue 15), after the same checks
     * of the two persons as giving (so a refusal comes at once, and a protected address is refused without a name).
     * Against walking the register: only the name, only for a valid number of a registered person; at most
     * FULLMAKT_HOLDER_LOOKUPS_PER_HOUR per citizen, counted in the audit log, so the limit holds across instances
     * and restarts; each lookup is in the looked-up person's access log.
     * @param ctx - a citizen acting for themselves
     * @param body - the holder's number
     */
    async lookupHolder(ctx: RequestContext, body: FullmaktHolderLookupBody): Promise<FullmaktHolderLookupResponse> {
      const me = requireActingForSelf(ctx);
      const nin = holderNinOf(body);
      const entry: AuditEntry = { action: 'fullmakt.holder_lookup', resourceType: 'person' };
      return audited(db, ctx, entry, async (tx) => {
        const since = new Date(clock.now().getTime() - 3_600_000);
        if ((await repo.countHolderLookups(tx, me, since)) >= FULLMAKT_HOLDER_LOOKUPS_PER_HOUR) {
          throw new AppError(
            429,
            'rate_limited',
            'Du har slått opp mange fødselsnumre den siste timen. Vent litt og prøv igjen.',
          );
        }
        const holder = await findPersonByNin(tx, nin);
        if (!holder) {
          throw new UnprocessableError(
            'Fant ingen person med dette fødselsnummeret i folkeregisteret.',
            [{ path: 'holderNin', message: 'ukjent fødselsnummer' }],
            'person_not_found',
          );
        }
        checkParties((await findPersons(tx, [me])).get(me)!, holder, osloDate(clock.now()));
        entry.resourceId = holder.id;
        entry.subjectPersonId = holder.id;
        return { displayName: holder.displayName };
      });
    },

    /**
     * An edit: ends the fullmakt (reason `replaced`) and gives a new one to the same holder, in one transaction.
     * @param ctx - the giver acting for themselves
     * @param session - the caller's session (recent login)
     * @param id - the fullmakt to replace
     * @param body - the new areas and period
     */
    async replace(
      ctx: RequestContext,
      session: ActiveSession,
      id: string,
      body: ReplaceFullmaktBody,
    ): Promise<FullmaktItem> {
      const giverId = requireActingForSelf(ctx);
      const now = clock.now();
      requireRecentLogin(session, now, config.reauthMaxAgeMinutes);
      const today = osloDate(now);
      const period = checkPeriod(body, today);
      const entry: AuditEntry = {
        action: 'fullmakt.replace',
        resourceType: 'fullmakt',
        resourceId: id,
        subjectPersonId: giverId,
      };
      return audited(db, ctx, entry, async (tx) => {
        const old = await liveFullmakt(tx, id, today, (f) => f.giverId === giverId);
        const parties = await findPersons(tx, [giverId, old.holderId]);
        checkParties(parties.get(giverId)!, parties.get(old.holderId)!, today);
        await repo.endFullmakt(tx, id, { at: now, byPersonId: giverId, reason: 'replaced' });
        const item = await insertChecked(tx, { giverId, holderId: old.holderId, ...period }, id);
        entry.details = {
          replacedBy: item.id,
          serviceAreas: item.serviceAreas,
          validFrom: item.validFrom,
          validTo: item.validTo,
        };
        return item;
      });
    },

    /**
     * Ends a fullmakt at once; the giver or the holder may. The holder's next request no longer acts for the giver.
     * @param ctx - the giver or holder, acting for themselves
     * @param id - the fullmakt
     */
    async end(ctx: RequestContext, id: string): Promise<FullmaktItem> {
      const me = requireActingForSelf(ctx);
      const now = clock.now();
      const today = osloDate(now);
      const entry: AuditEntry = { action: 'fullmakt.end', resourceType: 'fullmakt', resourceId: id };
      return audited(db, ctx, entry, async (tx) => {
        const f = await liveFullmakt(tx, id, today, (x) => x.giverId === me || x.holderId === me);
        entry.subjectPersonId = f.giverId;
        const reason = f.giverId === me ? 'ended_by_giver' : 'ended_by_holder';
        entry.details = { reason, holderId: f.holderId };
        await repo.endFullmakt(tx, id, { at: now, byPersonId: me, reason });
        return toItem((await repo.findFullmakt(tx, id))!, today);
      });
    },
  };
}

export type FullmaktService = ReturnType<typeof createFullmaktService>;

/** A fullmakt the caller may change: theirs (by `mine`), not ended, not expired; locked for the transaction. */
async function liveFullmakt(
  tx: Tx,
  id: string,
  today: string,
  mine: (f: repo.NamedFullmaktRow) => boolean,
): Promise<repo.NamedFullmaktRow> {
  const f = await repo.findFullmakt(tx, id, true);
  if (!f || !mine(f)) {
    throw new NotFoundError('Fant ikke fullmakten.', 'fullmakt_not_found');
  }
  if (f.endedAt !== null || (f.validTo !== null && f.validTo < today)) {
    throw new ConflictError('Fullmakten er allerede avsluttet eller utløpt.', 'fullmakt_already_ended');
  }
  return f;
}

/** The holder's number without spaces and dots, refused at the field when it is not a valid number. */
function holderNinOf(body: FullmaktHolderLookupBody): string {
  const nin = body.holderNin.replace(/[\s.]/g, '');
  if (!isValidNin(nin)) {
    throw new ValidationError(
      'Fødselsnummeret er ikke gyldig. Det skal ha 11 siffer med riktige kontrollsiffer.',
      [{ path: 'holderNin', message: 'ugyldig fødselsnummer' }],
      'nin_invalid',
    );
  }
  return nin;
}

/** The rules on the two persons (citizen-services.md §2.4), each a clear error naming the rule. */
function checkParties(giver: NamedPerson, holder: NamedPerson, today: string): void {
  if (giver.id === holder.id) {
    throw new ValidationError(
      'Du kan ikke gi fullmakt til deg selv.',
      [{ path: 'holderNin', message: 'deg selv' }],
      'fullmakt_self',
    );
  }
  if (ageOn(giver.birthDate, today) < AGE.healthMajority) {
    throw new ValidationError('Du må være 16 år for å gi fullmakt.', [], 'fullmakt_giver_minor');
  }
  if (giver.addressProtection !== 'none' || holder.addressProtection !== 'none') {
    throw new ValidationError(
      'Fullmakt kan ikke gis når en av dere har fortrolig eller strengt fortrolig adresse.',
      [{ path: 'holderNin', message: 'adressesperre' }],
      'address_protected',
    );
  }
  if (holder.deceasedOn !== null && holder.deceasedOn <= today) {
    throw new ValidationError(
      'Personen er registrert som død.',
      [{ path: 'holderNin', message: 'død' }],
      'fullmakt_holder_deceased',
    );
  }
  if (ageOn(holder.birthDate, today) < AGE.representative) {
    throw new ValidationError(
      'Den som får fullmakt, må være 18 år.',
      [{ path: 'holderNin', message: 'under 18 år' }],
      'fullmakt_holder_minor',
    );
  }
}

/** The party whose death ended the fullmakt (it lapses with a death; the register's date, not a user's act). */
function deathOf(f: repo.NamedFullmaktRow, today: string): 'giver_deceased' | 'holder_deceased' | null {
  const dead = (on: string | null) => on !== null && on <= today;
  return dead(f.giverDeceasedOn) ? 'giver_deceased' : dead(f.holderDeceasedOn) ? 'holder_deceased' : null;
}

function statusOf(f: repo.NamedFullmaktRow, today: string): FullmaktStatus {
  if (f.endedAt !== null || deathOf(f, today) !== null) {
    return 'ended';
  }
  if (f.validTo !== null && f.validTo < today) {
    return 'expired';
  }
  return f.validFrom > today ? 'scheduled' : 'active';
}

function toItem(f: repo.NamedFullmaktRow, today: string): FullmaktItem {
  return {
    id: f.id,
    giver: { personId: f.giverId, displayName: f.giverName },
    holder: { personId: f.holderId, displayName: f.holderName },
    serviceAreas: SERVICE_AREAS.filter((a) => f.serviceAreas.includes(a)),
    validFrom: f.validFrom,
    validTo: f.validTo,
    status: statusOf(f, today),
    createdAt: f.createdAt.toISOString(),
    endedAt: f.endedAt?.toISOString() ?? null,
    endedBy: f.endedByPersonId && f.endedByName ? { personId: f.endedByPersonId, displayName: f.endedByName } : null,
    endReason: f.endReason ?? deathOf(f, today),
    replacesId: f.replacesId,
  };
}
