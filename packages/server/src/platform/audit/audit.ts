import type { AuditAction } from '@helsebro/contracts';
import { sql } from 'drizzle-orm';
import { ForbiddenError } from '../errors.ts';
import type { Db, Queryable, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { prepared } from '../db/prepared.ts';
import { actorId, type RequestContext } from '../http/request-context.ts';

export type AuditEntry = {
  /**
   * What was done, as `<resource>.<verb>`, from the closed list in contracts: a new action must first get its
   * sentence in the citizen's access log in all three languages.
   */
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  /** The person whose data was read or changed. */
  subjectPersonId?: string | null;
  details?: Record<string, unknown>;
};

export type AuditOutcome = 'success' | 'denied' | 'error';

/**
 * The column values of one audit entry (everything but `occurred_at` and the seal). `recordAudit` inserts them; a
 * repository that writes its data and the entry in one statement (PLO receiving) inserts the same values.
 * @param ctx - the caller
 * @param entry - what was done to what, and to whom
 */
export function auditValues(ctx: RequestContext, entry: AuditEntry, outcome: AuditOutcome = 'success') {
  return {
    requestId: ctx.requestId,
    actorKind: ctx.actor.kind,
    actorId: actorId(ctx.actor),
    actingForPersonId: ctx.actingForPersonId,
    subjectPersonId: entry.subjectPersonId ?? null,
    municipalityId: ctx.municipalityId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    purpose: ctx.purpose,
    emergency: ctx.emergencyReason !== null,
    outcome,
    details: {
      ...(entry.details ?? {}),
      ...(ctx.emergencyReason ? { emergencyReason: ctx.emergencyReason } : {}),
      // On whose behalf and why: a parent's or fullmakt holder's entries show the basis ("på vegne av").
      ...(ctx.representation && ctx.representation.basis !== 'self' ? { basis: ctx.representation.basis } : {}),
    },
  };
}

/**
 * Appends one unsealed entry to the audit log; the sealer chains it shortly after (see audit/sealer.ts).
 * Call it inside the transaction that reads or writes the data, so the entry is durable with the answer.
 *
 * The pre-seal window: from this INSERT's commit until the next sealing round (AUDIT_SEAL_INTERVAL_MS while the
 * sealer runs, up to 10 s while its rounds fail, unbounded while none runs) a database superuser can change or
 * delete the entry without breaking a link. A change leaves no trace. A deletion leaves this row's id unused,
 * which `audit:verify` lists as a lead, not proof, since a rolled-back transaction leaves the same gap; deleting
 * the newest entry and resetting the id sequence before the next insert leaves none. Entries unsealed for over a
 * minute are reported too (no sealer ran). See docs/architecture.md, "Checkpoints and the pre-seal window".
 * @param q - the open transaction (or the database for a stand-alone entry)
 * @param ctx - the caller: who acted, for whom, in which municipality and why
 */
export async function recordAudit(
  q: Queryable,
  ctx: RequestContext,
  entry: AuditEntry,
  outcome: AuditOutcome = 'success',
): Promise<void> {
  const values = auditValues(ctx, entry, outcome);
  const statement = prepared(q, 'audit_insert', (db) =>
    db
      .insert(auditLog)
      .values({
        occurredAt: sql`clock_timestamp()`,
        ...(Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(k)])) as Record<
          keyof typeof values,
          never
        >),
      })
      .prepare('audit_insert'),
  );
  if (statement) {
    await statement.execute(values);
  } else {
    await q.insert(auditLog).values({ occurredAt: sql`clock_timestamp()`, ...values });
  }
}

/**
 * Appends several entries of one caller in one INSERT, as `recordAudit` writes each: a listing audited once per
 * person it shows costs one round trip, however many people it shows.
 * @param q - the open transaction (or the database for stand-alone entries)
 * @param ctx - the caller
 * @param entries - what was done to what, and to whom; nothing is written for none
 */
export async function recordAuditEntries(
  q: Queryable,
  ctx: RequestContext,
  entries: AuditEntry[],
  outcome: AuditOutcome = 'success',
): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await q
    .insert(auditLog)
    .values(entries.map((e) => ({ occurredAt: sql`clock_timestamp()`, ...auditValues(ctx, e, outcome) })));
}

/**
 * Runs `fn` in a transaction and audits it: a success entry in the same transaction, or — when `fn` throws —
 * a `denied` (ForbiddenError) or `error` entry in a transaction of its own, since the failed one rolls back.
 * This is how repositories make auditing the default for personal data (house style §5).
 */
export async function audited<T>(
  db: Db,
  ctx: RequestContext,
  entry: AuditEntry,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await fn(tx);
      await recordAudit(tx, ctx, entry, 'success');
      return result;
    });
  } catch (err) {
    await recordAudit(db, ctx, entry, err instanceof ForbiddenError ? 'denied' : 'error');
    throw err;
  }
}

/**
 * Audits a read without a transaction: the read first, then its entry, written (autocommit) before the caller
 * answers. A read changes nothing that needs to commit with its entry, so this saves the BEGIN/COMMIT round
 * trips (two of four per request on the audited-read benchmark); the rule that no personal data leaves
 * without a durable entry still holds. A refused or failed read is audited as `denied` or `error`.
 */
export async function auditedRead<T>(
  db: Db,
  ctx: RequestContext,
  entry: AuditEntry,
  fn: (q: Db) => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await fn(db);
  } catch (err) {
    await recordAudit(db, ctx, entry, err instanceof ForbiddenError ? 'denied' : 'error');
    throw err;
  }
  await recordAudit(db, ctx, entry, 'success');
  return result;
}
