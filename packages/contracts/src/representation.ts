import { z } from 'zod';
import {
  ACTION_AREA,
  EMERGENCY_REASON_MIN_LENGTH,
  REAUTH_LOGIN_PATH,
  REPRESENTED_ACTIONS,
  SERVICE_AREA_NAMES,
  SERVICE_AREAS,
} from './constants.ts';

export {
  ACTION_AREA,
  EMERGENCY_REASON_MIN_LENGTH,
  REAUTH_LOGIN_PATH,
  REPRESENTED_ACTIONS,
  SERVICE_AREA_NAMES,
  SERVICE_AREAS,
};
import { isoCalendarDate as isoDate } from './dates.ts';
import { municipalityRef } from './session.ts';

/**
 * Representation (A2), fullmakt, the citizen's access log (A8) and the staff access routes (tjenstlig behov,
 * emergency access). Shared by the server (route schemas) and the web (types, and the codes it translates).
 * The rules themselves are in docs/representation.md.
 *
 * Endpoints (citizen routes act for the person the session acts for; writes need the x-csrf-token header):
 *   GET  /api/representation/choices          → representationChoicesResponse
 *   POST /api/representation/acting-for       switchActingForBody → switchActingForResponse (recent login)
 *   GET  /api/fullmakter                      → fullmakterResponse
 *   POST /api/fullmakter                      giveFullmaktBody → 201 fullmaktResponse (recent login)
 *   POST /api/fullmakter/:id/replace          replaceFullmaktBody → 201 fullmaktResponse (recent login; an edit)
 *   POST /api/fullmakter/:id/end              (no body) → fullmaktResponse (giver or holder)
 *   POST /api/fullmakter/holder-lookup        fullmaktHolderLookupBody → fullmaktHolderLookupResponse (name only)
 *   GET  /api/access-log                      accessLogQuery → accessLogResponse
 *   GET  /api/me/health-contacts              → healthContactsResponse
 *   GET  /api/me/profile                      → profileResponse (session.ts; now the acting-for person's)
 *   GET  /api/staff/citizens                  → staffCitizensResponse
 *   POST /api/staff/citizens/lookup           staffLookupBody → staffCitizenResponse
 *   GET  /api/staff/citizens/:personId        → staffCitizenResponse
 *   POST /api/staff/emergency-access          emergencyAccessBody → 201 emergencyAccessResponse
 */

const uuid = z.uuid();

/**
 * The three fullmakt service areas (tjenesteområder). The code names are stable; the web shows the names below.
 * Area 1 and 3 carry Helsenorge's names; area 2's Helsenorge name is not known, so Helsebro names it by what it
 * covers here (docs/representation.md, "Service areas").
 */
export const serviceArea = z.enum(SERVICE_AREAS);
export type ServiceArea = z.infer<typeof serviceArea>;

export const representedAction = z.enum(REPRESENTED_ACTIONS);
export type RepresentedAction = z.infer<typeof representedAction>;

export const representationBasis = z.enum(['self', 'parent', 'fullmakt']);
export type RepresentationBasis = z.infer<typeof representationBasis>;

/**
 * Why someone cannot be represented today (the engine's rule that decided). Shown in the choices list so the web
 * can explain, e.g. why a 16-year-old is not a choice for a parent.
 */
export const REPRESENTATION_REFUSALS = [
  /** The child is 16 or older: parents need a fullmakt from the youth. */
  'child_16_or_older',
  /** The child is under 12 and no parent with responsibility lives at the child's registered address. */
  'no_parent_at_address',
  /** One of the two has a confidential or strictly confidential address. */
  'address_protected',
  /** The person represented has died. */
  'deceased',
  /** The representative is under 18. */
  'representative_under_18',
  /** The fullmakt's giver is under 16 (a fullmakt from a younger person is never valid). */
  'giver_under_16',
  /** A fullmakt that starts later. */
  'fullmakt_not_started',
  /** No parental responsibility or valid fullmakt today. */
  'no_relation',
] as const;
export const representationRefusal = z.enum(REPRESENTATION_REFUSALS);
export type RepresentationRefusal = z.infer<typeof representationRefusal>;

/** Who the session acts for now, and what it may do for them. */
export const actingFor = z.object({
  personId: z.string(),
  displayName: z.string(),
  /** `self` when the user acts for themselves. */
  basis: representationBasis,
  serviceAreas: z.array(serviceArea),
  actions: z.array(representedAction),
});
export type ActingFor = z.infer<typeof actingFor>;

/** One entry of "Hvem vil du bruke Helsebro for?". */
export const representationChoice = z.object({
  personId: z.string(),
  displayName: z.string(),
  birthDate: isoDate,
  age: z.number().int(),
  basis: representationBasis,
  /** False for someone listed but not representable today; `reason` says why. */
  available: z.boolean(),
  serviceAreas: z.array(serviceArea),
  actions: z.array(representedAction),
  reason: z.object({ code: representationRefusal, message: z.string() }).nullable(),
  /** The person the session acts for now. */
  current: z.boolean(),
  /** For a fullmakt: its last day (null: until further notice). Null for self and parents. */
  validTo: isoDate.nullable(),
});
export type RepresentationChoice = z.infer<typeof representationChoice>;

/** GET /api/representation/choices — self first, then children and fullmakt givers by name. */
export const representationChoicesResponse = z.object({
  actingFor,
  choices: z.array(representationChoice),
});
export type RepresentationChoicesResponse = z.infer<typeof representationChoicesResponse>;

/** POST /api/representation/acting-for — needs a recent login (REAUTH_MAX_AGE_MINUTES). */
export const switchActingForBody = z.object({ personId: uuid });
export type SwitchActingForBody = z.infer<typeof switchActingForBody>;
export const switchActingForResponse = z.object({ actingFor });
export type SwitchActingForResponse = z.infer<typeof switchActingForResponse>;

/** A fullmakt's state on the day asked: `ended` (by either side) and `expired` (past valid_to) are history. */
export const fullmaktStatus = z.enum(['active', 'scheduled', 'expired', 'ended']);
export type FullmaktStatus = z.infer<typeof fullmaktStatus>;
/**
 * `replaced`: ended because the giver changed it (an edit is an end plus a new fullmakt). `giver_deceased`,
 * `holder_deceased`: lapsed with a death in Folkeregisteret (not stored; no one ended it, so no endedAt).
 */
export const fullmaktEndReason = z.enum([
  'ended_by_giver',
  'ended_by_holder',
  'replaced',
  'giver_deceased',
  'holder_deceased',
]);
export type FullmaktEndReason = z.infer<typeof fullmaktEndReason>;

export const personRef = z.object({ personId: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRef>;

export const fullmaktItem = z.object({
  id: z.string(),
  giver: personRef,
  holder: personRef,
  serviceAreas: z.array(serviceArea),
  validFrom: isoDate,
  /** Last valid day; null: until further notice. */
  validTo: isoDate.nullable(),
  status: fullmaktStatus,
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: personRef.nullable(),
  endReason: fullmaktEndReason.nullable(),
  /** The fullmakt this one replaced (an edit). */
  replacesId: z.string().nullable(),
});
export type FullmaktItem = z.infer<typeof fullmaktItem>;

const fullmaktList = z.object({
  /** Active and scheduled, soonest ending first. */
  current: z.array(fullmaktItem),
  /** Ended and expired, newest first. */
  history: z.array(fullmaktItem),
});

/** GET /api/fullmakter — the fullmakter the logged-in citizen has given and received. */
export const fullmakterResponse = z.object({ given: fullmaktList, received: fullmaktList });
export type FullmakterResponse = z.infer<typeof fullmakterResponse>;

/** POST /api/fullmakter — give a fullmakt (acting for yourself, with a recent login). */
export const giveFullmaktBody = z.object({
  /** The holder's fødselsnummer or D-number; spaces and dots are ignored. */
  holderNin: z.string().max(20),
  serviceAreas: z.array(serviceArea).min(1).max(SERVICE_AREAS.length),
  /** First valid day; today when left out. Never in the past. */
  validFrom: isoDate.optional(),
  /** Last valid day; null or left out: until further notice. */
  validTo: isoDate.nullable().optional(),
});
export type GiveFullmaktBody = z.infer<typeof giveFullmaktBody>;
/**
 * POST /api/fullmakter/:id/replace — an edit: ends the given fullmakt (reason `replaced`) and gives a new one to
 * the same holder with these areas and period, in one step.
 */
export const replaceFullmaktBody = giveFullmaktBody.omit({ holderNin: true });
export type ReplaceFullmaktBody = z.infer<typeof replaceFullmaktBody>;
/**
 * POST /api/fullmakter/holder-lookup — the name of the person a fullmakt is about to be given to, so the giver sees
 * whom they name before confirming. Only the name, for a valid registered number; audited with that person as
 * subject and limited per giver (FULLMAKT_HOLDER_LOOKUPS_PER_HOUR). A POST, so the number is not in a URL.
 */
export const fullmaktHolderLookupBody = giveFullmaktBody.pick({ holderNin: true });
export type FullmaktHolderLookupBody = z.infer<typeof fullmaktHolderLookupBody>;
export const fullmaktHolderLookupResponse = z.object({ displayName: z.string() });
export type FullmaktHolderLookupResponse = z.infer<typeof fullmaktHolderLookupResponse>;
/** Name lookups one citizen may make in an hour: enough to give a few fullmakter, too few to walk the register. */
export const FULLMAKT_HOLDER_LOOKUPS_PER_HOUR = 10;
export const fullmaktParams = z.object({ id: uuid });
export const fullmaktResponse = z.object({ fullmakt: fullmaktItem });
export type FullmaktResponse = z.infer<typeof fullmaktResponse>;

/** GET /api/access-log — "Hvem har sett opplysningene mine", for the person the session acts for. */
export const accessLogQuery = z.object({
  /** First day (Europe/Oslo), inclusive. */
  from: isoDate.optional(),
  /** Last day (Europe/Oslo), inclusive. */
  to: isoDate.optional(),
  /** A municipality id, or `private` for citizens (the person themselves and their representatives). */
  organisation: z.union([uuid, z.literal('private')]).optional(),
  /**
   * `others` (the default): entries by anyone but the person whose log this is; `all`: their own too. A person's
   * own page loads are what fill a log, and what they ask is who else has looked.
   */
  who: z.enum(['others', 'all']).default('others'),
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AccessLogQuery = z.infer<typeof accessLogQuery>;

/** Repeated reads of the same thing by the same person, each within this many minutes of the last, are one entry. */
export const ACCESS_LOG_GROUP_MINUTES = 10;

export const accessLogEntry = z.object({
  id: z.string(),
  /** The last time (for a group of repeated reads, the newest). */
  occurredAt: z.string(),
  /** The first time of a group of repeated reads; equal to occurredAt for a single entry. */
  firstOccurredAt: z.string(),
  /** How many audit entries this line stands for (ACCESS_LOG_GROUP_MINUTES). */
  count: z.number().int().min(1),
  /** Who acted: for a representative, the representative (shown "på vegne av" onBehalfOf). */
  actor: z.object({
    kind: z.enum(['citizen', 'personnel', 'operator', 'system']),
    name: z.string(),
    /** `record_system`: the municipality's record system through the EPJ API, for the health worker named. */
    via: z.enum(['record_system']).nullable(),
    /** Personnel role code (`nurse`, …); the web names it in the reader's language. */
    role: z.string().nullable(),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    unit: z.string().nullable(),
    /** The person whose log this is acted themselves. */
    isSelf: z.boolean(),
  }),
  /** Set when a representative acted for the person. */
  onBehalfOf: z
    .object({ personId: z.string(), displayName: z.string(), basis: representationBasis.nullable() })
    .nullable(),
  /** An audit action code (`AUDIT_ACTIONS`); the web says what it means in the reader's language. */
  action: z.string(),
  /** An audit purpose code (`AUDIT_PURPOSES`), or null. */
  purpose: z.string().nullable(),
  emergency: z.boolean(),
  emergencyReason: z.string().nullable(),
  /** `denied`: a refused attempt. */
  outcome: z.enum(['success', 'denied']),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const accessLogResponse = z.object({
  subject: personRef,
  entries: z.array(accessLogEntry),
  nextCursor: z.string().nullable(),
  /** The organisations that appear in this person's log, for the filter. */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AccessLogResponse = z.infer<typeof accessLogResponse>;

export const serviceUnitRef = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const personnelRef = z.object({ personnelId: z.string(), displayName: z.string() });

/** A care relation: which service a citizen receives from which unit, from when to when. */
export const careRelationItem = z.object({
  id: z.string(),
  municipality: municipalityRef,
  serviceUnit: serviceUnitRef,
  primaryContact: personnelRef.nullable(),
  coordinator: personnelRef.nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  active: z.boolean(),
});
export type CareRelationItem = z.infer<typeof careRelationItem>;

/** GET /api/me/health-contacts — the acting-for person's current and former contacts (area Digitale helsetjenester). */
export const healthContactsResponse = z.object({
  current: z.array(careRelationItem),
  former: z.array(careRelationItem),
});
export type HealthContactsResponse = z.infer<typeof healthContactsResponse>;

/**
 * A citizen's hospital stay as their home care unit sees it (issue 15, from received PLO messages, HIS 1149):
 * `admitted` while in hospital (planned home visits paused); `review` after the discharge until a visit is done, so
 * the unit reviews the plan.
 */
export const hospitalState = z.enum(['admitted', 'review']);
export type HospitalState = z.infer<typeof hospitalState>;

/** GET /api/staff/citizens — citizens with an active care relation in the staff member's units. */
export const staffCitizensResponse = z.object({
  citizens: z.array(
    z.object({
      personId: z.string(),
      displayName: z.string(),
      birthDate: isoDate,
      age: z.number().int(),
      careRelations: z.array(careRelationItem),
      hospital: hospitalState.nullable(),
    }),
  ),
});
export type StaffCitizensResponse = z.infer<typeof staffCitizensResponse>;

const citizenSelector = z
  .object({ nin: z.string().max(20).optional(), personId: uuid.optional() })
  .refine((v) => (v.nin === undefined) !== (v.personId === undefined), {
    message: 'give either nin or personId',
  });

/** POST /api/staff/citizens/lookup — find a citizen by fødselsnummer (kept out of URLs and logs) or id. */
export const staffLookupBody = citizenSelector;
export type StaffLookupBody = z.infer<typeof staffLookupBody>;
export const staffCitizenParams = z.object({ personId: uuid });

/**
 * GET /api/staff/citizens/:personId and the lookup's answer: the citizen's profile, read on a care relation in
 * the staff member's municipality or under an emergency access grant (then `access.basis` is `emergency`).
 */
export const staffCitizenResponse = z.object({
  citizen: z.object({
    personId: z.string(),
    nin: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: isoDate,
    age: z.number().int(),
    streetAddress: z.string().nullable(),
    postalCode: z.string().nullable(),
    postalPlace: z.string().nullable(),
    /** The address is confidential and not shown. */
    addressProtected: z.boolean(),
    deceasedOn: isoDate.nullable(),
    municipality: municipalityRef.nullable(),
  }),
  careRelations: z.array(careRelationItem),
  access: z.object({
    basis: z.enum(['care_relation', 'emergency']),
    emergency: z.object({ grantId: z.string(), reason: z.string(), expiresAt: z.string() }).nullable(),
  }),
});
export type StaffCitizenResponse = z.infer<typeof staffCitizenResponse>;

/** Emergency access ("break the glass") needs a stated reason of at least this many characters. */

/** POST /api/staff/emergency-access — a time-limited grant, shown to the citizen in their access log. */
export const emergencyAccessBody = z
  .object({
    nin: z.string().max(20).optional(),
    personId: uuid.optional(),
    reason: z.string().max(500),
  })
  .refine((v) => (v.nin === undefined) !== (v.personId === undefined), {
    message: 'give either nin or personId',
  });
export type EmergencyAccessBody = z.infer<typeof emergencyAccessBody>;
export const emergencyAccessResponse = z.object({
  grantId: z.string(),
  personId: z.string(),
  displayName: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});
export type EmergencyAccessResponse = z.infer<typeof emergencyAccessResponse>;

/**
 * The stable `code` values of problem+json answers from these endpoints, so the web can translate them.
 * The server's `detail` is a plain Norwegian sentence naming the rule.
 */
export const REPRESENTATION_ERROR_CODES = {
  /** 400: the identity number has the wrong length or check digits. */
  nin_invalid: 400,
  /** 404: nobody in the population register has that identity number. */
  person_not_found: 404,
  /** 400: a fullmakt to yourself. */
  fullmakt_self: 400,
  /** 400: the holder is under 18. */
  fullmakt_holder_minor: 400,
  /** 400: the giver is under 16. */
  fullmakt_giver_minor: 400,
  /** 400: the holder has died. */
  fullmakt_holder_deceased: 400,
  /** 400 (fullmakt) or 403 (representation): either side has a confidential address. */
  address_protected: 400,
  /** 409: a fullmakt to the same holder overlaps an existing one in period and service area. */
  fullmakt_overlap: 409,
  /** 400: valid_to is before valid_from. */
  fullmakt_end_before_start: 400,
  /** 400: valid_from is before today. */
  fullmakt_start_in_past: 400,
  /** 404: no such fullmakt, or it is neither given nor received by the caller. */
  fullmakt_not_found: 404,
  /** 409: the fullmakt has already ended or expired. */
  fullmakt_already_ended: 409,
  /** 403: fullmakter are managed only by the person themselves, never by a representative. */
  proxy_cannot_manage_fullmakt: 403,
  /** 401: the login is older than REAUTH_MAX_AGE_MINUTES; log in again (/auth/login?prompt=login). */
  reauthentication_required: 401,
  /** 403: the user may not act for that person (or no longer may; the session is back to acting for self). */
  not_represented: 403,
  /** 403: the representation does not include the service area this needs. */
  service_area_not_granted: 403,
  /**
   * 403: staff without an active care relation with the citizen in their municipality — and, in the same words,
   * a lookup of somebody nobody is registered as, so the answer does not tell who exists.
   */
  no_care_relation: 403,
  /** 400: emergency access without a reason of at least EMERGENCY_REASON_MIN_LENGTH characters. */
  emergency_reason_required: 400,
  /** 404: emergency access (with a stated reason) for somebody nobody is registered as. */
  citizen_not_found: 404,
  /** 403: the route is for another kind of user. */
  wrong_role: 403,
} as const;
export type RepresentationErrorCode = keyof typeof REPRESENTATION_ERROR_CODES;

/** The query `/auth/login` accepts to force a fresh login and come back (`returnTo` a path on this site). */
