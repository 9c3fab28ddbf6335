import { and, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client.ts';
import { fullName } from '../../platform/db/full-name.ts';
import {
  auditLog,
  careRelations,
  letters,
  municipalities,
  parentalResponsibilities,
  personnel,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { activeCareRelationOn } from '../care/index.ts';

/**
 * Every query of the letters. The unit side scopes by the caller's municipality first (`inMunicipality`); the
 * citizen side reads the principal's own letters by person, across municipalities, as health contacts do.
 */

export type NewLetter = typeof letters.$inferInsert;
const sentBy = alias(personnel, 'sent_by');
const recipient = alias(persons, 'recipient');

/** The recipient by identity number, only if they receive a service from the unit today (tjenstlig behov). */
export async function recipientOfUnit(q: Queryable, ctx: RequestContext, unitId: string, nin: string, today: string) {
  const [row] = await q
    .select({
      id: persons.id,
      nin: persons.nin,
      birthDate: persons.birthDate,
      deceasedOn: persons.deceasedOn,
    })
    .from(careRelations)
    .innerJoin(persons, eq(persons.id, careRelations.personId))
    .where(
      and(
        inMunicipality(careRelations.municipalityId, ctx),
        eq(careRelations.serviceUnitId, unitId),
        eq(persons.nin, nin),
        activeCareRelationOn(today),
      ),
    )
    .limit(1);
  return row;
}

/** The parents with parental responsibility for a child today (the representation engine decides the rest). */
export async function parentsOf(q: Queryable, childId: string, today: string): Promise<string[]> {
  const rows = await q
    .select({ id: parentalResponsibilities.parentId })
    .from(parentalResponsibilities)
    .where(
      and(
        eq(parentalResponsibilities.childId, childId),
        lte(parentalResponsibilities.validFrom, today),
        or(isNull(parentalResponsibilities.validTo), gte(parentalResponsibilities.validTo, today)),
      ),
    );
  return [...new Set(rows.map((r) => r.id))];
}

/**
 * Who of these persons has logged in to Helsebro as a citizen: a successful `session.create` in the audit log
 * (the record of logins; served by the index on subject and id).
 */
export async function usedPortal(q: Queryable, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) {
    return new Set();
  }
  const rows = await q
    .selectDistinct({ id: auditLog.subjectPersonId })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.subjectPersonId, personIds),
        eq(auditLog.action, 'session.create'),
        eq(auditLog.actorKind, 'citizen'),
        eq(auditLog.outcome, 'success'),
      ),
    );
  return new Set(rows.map((r) => r.id).filter((id): id is string => id !== null));
}

export async function insertLetter(q: Queryable, letter: NewLetter): Promise<string> {
  const [row] = await q.insert(letters).values(letter).returning({ id: letters.id });
  return row!.id;
}

const citizenColumns = {
  id: letters.id,
  title: letters.title,
  importance: letters.importance,
  unitName: serviceUnits.name,
  municipalityName: municipalities.name,
  createdAt: letters.createdAt,
  readAt: letters.readAt,
  sizeBytes: letters.sizeBytes,
};

/** A page of the principal's letters, newest first, with the total and the unread count. */
export async function lettersOfPerson(q: Queryable, personId: string, page: number, pageSize: number) {
  const rows = await q
    .select(citizenColumns)
    .from(letters)
    .innerJoin(serviceUnits, eq(serviceUnits.id, letters.serviceUnitId))
    .innerJoin(municipalities, eq(municipalities.id, letters.municipalityId))
    .where(eq(letters.personId, personId))
    .orderBy(desc(letters.createdAt), desc(letters.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await q
    .select({
      total: count(),
      unread: sql<number>`count(*) FILTER (WHERE ${letters.readAt} IS NULL)`.mapWith(Number),
    })
    .from(letters)
    .where(eq(letters.personId, personId));
  return { rows, total: totals?.total ?? 0, unread: totals?.unread ?? 0 };
}

/** One of the principal's letters with its file, or undefined. */
export async function letterOfPerson(q: Queryable, id: string, personId: string) {
  const [row] = await q
    .select({
      id: letters.id,
      municipalityId: letters.municipalityId,
      serviceUnitId: letters.serviceUnitId,
      filename: letters.filename,
      content: letters.content,
      readAt: letters.readAt,
    })
    .from(letters)
    .where(and(eq(letters.id, id), eq(letters.personId, personId)));
  return row;
}

/** Marks a letter read by whoever opened it first; a later open changes nothing. @returns whether it was unread */
export async function markRead(q: Queryable, id: string, readerId: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(letters)
    .set({ readAt: at, readByPersonId: readerId })
    .where(and(eq(letters.id, id), isNull(letters.readAt)))
    .returning({ id: letters.id });
  return rows.length > 0;
}

const staffColumns = {
  id: letters.id,
  serviceUnitId: letters.serviceUnitId,
  personId: letters.personId,
  recipientName: fullName(recipient),
  title: letters.title,
  importance: letters.importance,
  channel: letters.channel,
  channelReason: letters.channelReason,
  createdAt: letters.createdAt,
  sentByName: sql<string | null>`CASE WHEN ${sentBy.id} IS NULL THEN NULL ELSE ${fullName(sentBy)} END`,
  sentByClientId: letters.sentByClientId,
  notifiedAt: sql<string | null>`(SELECT max(n.sent_at) FROM notification_notices n
    WHERE n.event_key = 'letter:' || ${letters.id}::text AND n.state = 'sent')`,
  readAt: letters.readAt,
  printedAt: letters.printedAt,
};
export type StaffLetterRow = Awaited<ReturnType<typeof unitLetters>>['rows'][number];

function staffQuery(q: Queryable) {
  return q
    .select(staffColumns)
    .from(letters)
    .innerJoin(recipient, eq(recipient.id, letters.personId))
    .leftJoin(sentBy, eq(sentBy.id, letters.sentByPersonnelId));
}

/** A page of the letters a unit of the caller's municipality sent, newest first. */
export async function unitLetters(q: Queryable, ctx: RequestContext, unitId: string, page: number, pageSize: number) {
  const where = and(inMunicipality(letters.municipalityId, ctx), eq(letters.serviceUnitId, unitId));
  const rows = await staffQuery(q)
    .where(where)
    .orderBy(desc(letters.createdAt), desc(letters.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [totals] = await q.select({ total: count() }).from(letters).where(where);
  return { rows, total: totals?.total ?? 0 };
}

/** One letter of the caller's municipality (for its unit's staff or the EPJ), or undefined. */
export async function letterInMunicipality(q: Queryable, ctx: RequestContext, id: string) {
  const [row] = await staffQuery(q).where(and(inMunicipality(letters.municipalityId, ctx), eq(letters.id, id)));
  return row;
}

/** The file of a letter of the caller's municipality. */
export async function letterFile(q: Queryable, ctx: RequestContext, id: string) {
  const [row] = await q
    .select({ filename: letters.filename, content: letters.content })
    .from(letters)
    .where(and(inMunicipality(letters.municipalityId, ctx), eq(letters.id, id)));
  return row;
}

/** The unit's letters queued for print, oldest first, with the recipient's registered postal address. */
export async function printQueue(q: Queryable, ctx: RequestContext, unitId: string) {
  return q
    .select({
      ...staffColumns,
      streetAddress: recipient.streetAddress,
      postalCode: recipient.postalCode,
      postalPlace: recipient.postalPlace,
      addressProtection: recipient.addressProtection,
    })
    .from(letters)
    .innerJoin(recipient, eq(recipient.id, letters.personId))
    .leftJoin(sentBy, eq(sentBy.id, letters.sentByPersonnelId))
    .where(
      and(
        inMunicipality(letters.municipalityId, ctx),
        eq(letters.serviceUnitId, unitId),
        eq(letters.channel, 'print'),
        isNull(letters.printedAt),
      ),
    )
    .orderBy(letters.createdAt, letters.id)
    .limit(500);
}

/** Records a queued letter printed. @returns whether it was queued (not printed before) */
export async function markPrinted(q: Queryable, ctx: RequestContext, id: string, personnelId: string | null, at: Date) {
  const rows = await q
    .update(letters)
    .set({ printedAt: at, printedByPersonnelId: personnelId })
    .where(
      and(
        inMunicipality(letters.municipalityId, ctx),
        eq(letters.id, id),
        eq(letters.channel, 'print'),
        isNull(letters.printedAt),
      ),
    )
    .returning({ id: letters.id });
  return rows.length > 0;
}

/** Identity numbers by person id, to ask KRR with (kept in memory for the one dispatch). */
export async function ninsOf(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await q.select({ id: persons.id, nin: persons.nin }).from(persons).where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r.nin]));
}
