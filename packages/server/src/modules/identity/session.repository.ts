import { and, eq, lte, or, sql, type Placeholder } from 'drizzle-orm';
import { prepared } from '../../platform/db/prepared.ts';
import type { Queryable } from '../../platform/db/client.ts';
import {
  municipalities,
  personnel,
  personnelRoles,
  persons,
  operators,
  serviceUnits,
  sessions,
} from '../../platform/db/schema.ts';

/** The columns a request needs from its session: one indexed lookup, joined with the HPR number. */
export type SessionRow = {
  id: string;
  kind: 'citizen' | 'personnel' | 'operator';
  personId: string | null;
  personnelId: string | null;
  operatorId: string | null;
  hprNumber: string | null;
  municipalityId: string | null;
  actingForPersonId: string | null;
  csrfToken: string;
  /** When the user last proved who they are at the IdP (recent-login checks). */
  authTime: Date;
  /** A citizen's birth date and death, for their own rights without another query. */
  personBirthDate: string | null;
  personDeceasedOn: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
};

export type NewSessionRow = typeof sessions.$inferInsert;

/**
 * Inserts a session row (the id is the SHA-256 of the cookie token, never the token itself).
 * @param q - database or open transaction
 */
export async function insertSession(q: Queryable, row: NewSessionRow): Promise<void> {
  await q.insert(sessions).values(row);
}

/**
 * Finds a session by its id (the token's hash), with the HPR number of personnel sessions.
 * @param q - database or open transaction
 */
export async function findSessionById(q: Queryable, id: string): Promise<SessionRow | null> {
  // Every authenticated request runs this, so it is a prepared statement where it can be.
  const statement = prepared(q, 'session_by_id', (db) =>
    sessionQuery(db, sql.placeholder('id')).prepare('session_by_id'),
  );
  const [row] = statement ? await statement.execute({ id }) : await sessionQuery(q, id);
  return row ?? null;
}

function sessionQuery(q: Queryable, id: string | Placeholder) {
  return q
    .select({
      id: sessions.id,
      kind: sessions.kind,
      personId: sessions.personId,
      personnelId: sessions.personnelId,
      operatorId: sessions.operatorId,
      hprNumber: personnel.hprNumber,
      municipalityId: sessions.municipalityId,
      actingForPersonId: sessions.actingForPersonId,
      csrfToken: sessions.csrfToken,
      authTime: sessions.authTime,
      personBirthDate: persons.birthDate,
      personDeceasedOn: persons.deceasedOn,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .leftJoin(personnel, eq(personnel.id, sessions.personnelId))
    .leftJoin(persons, eq(persons.id, sessions.personId))
    .where(eq(sessions.id, id))
    .limit(1);
}

/**
 * Moves a session's last activity forward.
 * @param q - database or open transaction
 */
export async function touchSession(q: Queryable, id: string, at: Date): Promise<void> {
  await q.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

/**
 * Sets who a citizen's session acts for.
 * @param q - database or open transaction
 */
export async function updateActingFor(q: Queryable, id: string, personId: string): Promise<void> {
  await q.update(sessions).set({ actingForPersonId: personId }).where(eq(sessions.id, id));
}

/**
 * Deletes a session and returns the id token it was created with (for the IdP logout), or null when it was gone.
 * @param q - database or open transaction
 */
export async function deleteSession(q: Queryable, id: string): Promise<{ idToken: string | null } | null> {
  const [row] = await q.delete(sessions).where(eq(sessions.id, id)).returning({ idToken: sessions.idToken });
  return row ?? null;
}

/**
 * Deletes every session past its absolute limit (`at`) or idle since before `idleBefore`: either would be
 * refused if presented, and a session row names a person.
 * @param q - database or open transaction
 * @returns how many were removed
 */
export async function deleteExpiredSessions(q: Queryable, at: Date, idleBefore: Date): Promise<number> {
  const rows = await q
    .delete(sessions)
    .where(or(lte(sessions.expiresAt, at), lte(sessions.lastSeenAt, idleBefore)))
    .returning({ id: sessions.id });
  return rows.length;
}

export type SessionUser = {
  displayName: string;
  municipality: { id: string; name: string; number: string } | null;
  roles: Array<{ role: string; serviceUnitId: string | null; serviceUnitName: string | null }>;
};

/**
 * The display data of a session's user: name, municipality and (for personnel) roles in that municipality.
 * @param q - database or open transaction
 */
export async function findSessionUser(q: Queryable, s: SessionRow): Promise<SessionUser | null> {
  const name = await findName(q, s);
  if (name === null) {
    return null;
  }
  const municipality = s.municipalityId
    ? ((
        await q
          .select({ id: municipalities.id, name: municipalities.name, number: municipalities.number })
          .from(municipalities)
          .where(eq(municipalities.id, s.municipalityId))
          .limit(1)
      )[0] ?? null)
    : null;
  const roles =
    s.kind === 'personnel' && s.personnelId && s.municipalityId
      ? await q
          .select({
            role: personnelRoles.role,
            serviceUnitId: personnelRoles.serviceUnitId,
            serviceUnitName: serviceUnits.name,
          })
          .from(personnelRoles)
          .leftJoin(serviceUnits, eq(serviceUnits.id, personnelRoles.serviceUnitId))
          .where(
            and(eq(personnelRoles.personnelId, s.personnelId), eq(personnelRoles.municipalityId, s.municipalityId)),
          )
          .orderBy(personnelRoles.role, serviceUnits.name)
      : [];
  return { displayName: name, municipality, roles };
}

async function findName(q: Queryable, s: SessionRow): Promise<string | null> {
  const [table, id] =
    s.kind === 'citizen'
      ? [persons, s.personId]
      : s.kind === 'personnel'
        ? [personnel, s.personnelId]
        : [operators, s.operatorId];
  if (!id) {
    return null;
  }
  const [row] = await q
    .select({ given: table.givenName, family: table.familyName })
    .from(table)
    .where(eq(table.id, id))
    .limit(1);
  return row ? `${row.given} ${row.family}` : null;
}
