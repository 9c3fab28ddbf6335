import {
  decodeNin,
  isCalendarDate,
  type PloConsoleListItem,
  type PloConsoleParty,
  type PloConsolePatient,
} from '@helsebro/contracts';
import { isMessageType, MESSAGE_TYPES } from '../codes.ts';
import { addresseeHerIds } from '../msghead/msghead.parse.ts';
import type { Addressee, MsgInfo } from '../msghead/msghead.types.ts';
import type { ListRow } from './console.repository.ts';

/** How rows become what the console shows. The identity number never leaves whole: only its birth-date part. */

/** `14833800095` → `148338 *****`: the birth-date part stays readable, the personal number is hidden. */
export function maskNin(nin: string | null): string | null {
  return nin && nin.length === 11 ? `${nin.slice(0, 6)} *****` : null;
}

type PatientColumns = {
  patientPersonId: string | null;
  patientNin: string | null;
  givenName: string | null;
  familyName: string | null;
  birthDate: string | null;
};

/**
 * The patient: the population register's name when the message's patient was identified there, else the name
 * the message gives; the birth date from the register or decoded from the number.
 * @param row - the message's patient columns (joined with persons)
 * @param info - the parsed MsgInfo, for the message's own name
 */
export function patientView(row: PatientColumns, info: MsgInfo | undefined): PloConsolePatient {
  const fromMessage = [info?.patient?.givenName, info?.patient?.familyName].filter(Boolean).join(' ');
  const registered = row.givenName && row.familyName ? `${row.givenName} ${row.familyName}` : null;
  return {
    personId: row.patientPersonId,
    name: registered ?? (fromMessage || null),
    maskedNin: maskNin(row.patientNin),
    birthDate:
      row.birthDate ??
      (row.patientNin ? decodeNin(row.patientNin)?.birthDate : undefined) ??
      info?.patient?.dateOfBirth ??
      null,
    nameInMessage:
      registered &&
      fromMessage &&
      namesDiffer(info?.patient, { givenName: row.givenName!, familyName: row.familyName! })
        ? fromMessage
        : null,
  };
}

const nameWords = (name: string | undefined) =>
  (name ?? '').normalize('NFC').toLocaleLowerCase('nb').replace(/-/g, ' ').split(/\s+/).filter(Boolean);

/**
 * Whether the message names someone else than the register does for the same number: another family name, or
 * another first given name. A middle name one side leaves out, case, hyphens and spacing are not a difference.
 */
export function namesDiffer(
  message: { givenName?: string | undefined; familyName?: string | undefined } | undefined,
  register: { givenName: string; familyName: string },
): boolean {
  if (!message) {
    return false;
  }
  const [given] = nameWords(message.givenName);
  return (
    nameWords(message.familyName).join(' ') !== nameWords(register.familyName).join(' ') ||
    given !== nameWords(register.givenName)[0]
  );
}

/** The MsgInfo stored with the message (see receive.service parsedFields), when there is one. */
export function msgInfoOf(parsed: Record<string, unknown> | null): MsgInfo | undefined {
  const info = parsed?.msgInfo;
  return typeof info === 'object' && info !== null ? (info as MsgInfo) : undefined;
}

/** A sender or receiver by its HER-ids and names, from the columns and the parsed addressee. */
export function partyView(
  organisationHerId: string | null,
  partyHerId: string | null,
  addressee: Addressee | undefined,
): PloConsoleParty {
  const ids = addressee ? addresseeHerIds(addressee) : {};
  return {
    organisationName: addressee?.organisation.name || null,
    organisationHerId: organisationHerId ?? ids.organisation ?? null,
    partyName: ids.partyName ?? null,
    partyHerId: partyHerId ?? ids.party ?? null,
  };
}

/** The message type's name (code list 8279), from Helsebro's table or the message's own DN. */
export function typeName(msgType: string | null, info?: MsgInfo): string | null {
  if (msgType && isMessageType(msgType)) {
    return MESSAGE_TYPES[msgType].dn;
  }
  return info?.type.dn ?? null;
}

export function listItemView(row: ListRow): PloConsoleListItem {
  const info = msgInfoOf(row.parsed);
  const incoming = row.direction === 'in';
  return {
    id: row.id,
    direction: row.direction,
    msgType: row.msgType,
    typeName: typeName(row.msgType, info),
    status: row.status,
    state: row.state ?? null,
    forsendelsesstatus: (row.forsendelsesstatus as 'N' | 'M' | 'C' | null) ?? null,
    supersededAs: row.supersededAs ?? null,
    counterpart: incoming
      ? partyView(row.senderHerId, row.senderPartyHerId, info?.sender)
      : partyView(row.receiverHerId, row.receiverPartyHerId, info?.receiver),
    patient: patientView(row, info),
    at: row.at.toISOString(),
  };
}

/** The opaque page cursor: the last row's sort key (timestamp as PostgreSQL wrote it, full precision) and id. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A timestamp as PostgreSQL writes one: a real time of day and zone here, a real date checked beside it. */
const PG_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-5])(:[0-5]\d)?|Z)?$/;

/**
 * The cursor's sort key, or null when it is not one this server wrote. A forged one naming a day that does not
 * exist (2026-02-30) is refused here: PostgreSQL would fail the cast and answer the client with a 500.
 */
export function decodeCursor(cursor: string): { at: string; id: string } | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') {
      const [at, id] = v as [string, string];
      return PG_TIMESTAMP.test(at) && isCalendarDate(at.slice(0, 10)) && UUID.test(id) ? { at, id } : null;
    }
  } catch {
    // Not base64url JSON: not ours.
  }
  return null;
}
