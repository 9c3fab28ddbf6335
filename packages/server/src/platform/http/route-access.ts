/**
 * Who may reach each route: every module declares it in a table beside its routes (`<module>.access.ts`), and the
 * authorization matrix (`src/security.authz.test.ts`) sends every route as every kind of caller, with citizen A's
 * real ids in the path and in the body, and fails on a 2xx for a caller the table does not allow. A route without
 * a declaration fails the matrix, and so does a declaration without a route.
 */

/** The callers the matrix tries. "A" is the citizen whose data the fixture creates, in municipality A. */
export const CALLER_KINDS = [
  'anonymous',
  /** Citizen A, acting for themselves. */
  'citizen',
  /** Another citizen of A's municipality, receiving services from A's unit, asking with A's ids. */
  'otherCitizen',
  /** Acting for A by a fullmakt with the area the route belongs to (digitale helsetjenester). */
  'proxyInScope',
  /** Acting for A by a fullmakt with another area only (innsyn). */
  'proxyOutOfScope',
  /** Personnel of A's service unit (unit leader). */
  'staffSameUnit',
  /** Personnel of another unit of A's municipality (its message handler). */
  'staffOtherUnit',
  /** Personnel of the same kind of unit in another municipality. */
  'staffOtherMunicipality',
  /** A PLO message handler of another organisation (another municipality). */
  'messageHandlerOtherOrg',
  'operator',
  /** The EPJ machine client of A's municipality (bearer token from the issuer). */
  'epjClient',
  /** The EPJ machine client of another municipality. */
  'epjClientOtherMunicipality',
  /** A PLO partner's bearer credential (the hospital that sends A's municipality messages). */
  'partnerOtherOrg',
  /** Personnel with the role `municipal_admin` in A's municipality (and no unit role): its administrator. */
  'municipalAdmin',
] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** Every caller, for public routes. */
export const EVERYONE: readonly CallerKind[] = CALLER_KINDS;

/** The real objects of A (and of A's municipality) the fixture creates; path parameters and bodies name them. */
export const FIXTURE_KEYS = [
  'personA',
  'ninA',
  /** A's municipality's unit A receives services from (home care). */
  'unit',
  /** Personnel of `unit`, to name as a health worker (assignment, EPJ author, staff on an appointment). */
  'unitStaffId',
  'unitStaffHpr',
  /** A's conversation with `unit`, with one attachment, and another one for the routes that close it. */
  'conversation',
  'attachment',
  'conversationToClose',
  /** A's letter from `unit` (on Helsebro), and one queued for print (A reserved in KRR when it was sent). */
  'letter',
  'letterToPrint',
  /** A's planned home visits with `unit`, one for each family of writes so that one does not spoil the next. */
  'appointment',
  'appointmentToMove',
  'appointmentToCancel',
  'appointmentToComplete',
  'appointmentForOutcome',
  'appointmentForEpj',
  'appointmentForEpjVisit',
  /** A's pending request for a new time (on its own home visit). */
  'appointmentRequest',
  /** `unit`'s home-visit type, and a free slot of that type. */
  'appointmentType',
  /** A self-bookable type of A's municipality, a free slot of it, and its unit. */
  'bookableType',
  'bookableSlot',
  'bookableUnit',
  /** An availability schedule of `unit` created through the EPJ API. */
  'schedule',
  /** A PLO message about A received from the hospital, and one sent to it. */
  'ploMessageIn',
  'ploMessageOut',
  /** A's municipality's receiving service (HER-id), and the hospital organisation (HER-id). */
  'ploService',
  'ploPartner',
  /** Alerts about two more messages A's municipality sent (their delivery failed): one to acknowledge, one to close. */
  'ploAlert',
  'ploAlertToClose',
  /** Two messages about A the hub rejected (addressed to a service A's municipality does not have): to close, to forward. */
  'ploRejected',
  'ploRejectedToForward',
  /** Fullmakter A gave (kept apart from the proxies' own): one to replace, one to end. */
  'fullmaktToReplace',
  'fullmaktToEnd',
  /** The identity number of a third person A may give a fullmakt to. */
  'holderNin',
  /** An outbox job about A (the AppRec for `ploMessageIn`). */
  'job',
  /** A working day (Oslo, YYYY-MM-DD) two weeks ahead, and two free instants (ISO 8601) on it. */
  'futureDate',
  'futureInstant',
  'laterInstant',
  /** A login interaction id at the development IdP that no login started. */
  'idpInteraction',
  /** What A's municipality's administrator made through the API, to change and end: a unit, staff, an EPJ client. */
  'adminUnit',
  'adminStaff',
  'adminClient',
  /** An EPJ product the operator registered (version 1.0), for the administrator to choose. */
  'epjProduct',
  /** The same kinds of object in the other municipality, which A's municipality's callers must not reach (404). */
  'unitOtherMunicipality',
  'staffOtherMunicipality',
  'clientOtherMunicipality',
] as const;
export type FixtureKey = (typeof FIXTURE_KEYS)[number];
export type AccessFixture = Readonly<Record<FixtureKey, string>>;

/** A plausible valid body for a write, built from the fixture. */
export type RouteBody =
  | { json: unknown }
  | { form: Readonly<Record<string, string>> }
  | {
      multipart: {
        fields: Readonly<Record<string, string>>;
        files?: ReadonlyArray<{ name: string; type: string; bytes: Uint8Array }>;
      };
    }
  | { xml: string };

export type RouteAccess =
  | {
      /** The callers that may get a 2xx on A's objects; any other caller's 2xx fails the matrix. */
      allow: readonly CallerKind[];
      /**
       * Callers answered 2xx about themselves (their own list, their own settings): allowed, but the answer must not
       * name any of A's ids or A's identity number.
       */
      own?: readonly CallerKind[];
      /** The fixture object each path parameter names. */
      params?: Readonly<Record<string, FixtureKey>>;
      /**
       * The path parameters naming the other municipality's objects instead: every allowed caller, sent with them
       * and the valid body, must get 404 (an id from another municipality is not found, whatever the body holds).
       */
      foreign?: Readonly<Record<string, FixtureKey>>;
      query?: (f: AccessFixture) => Readonly<Record<string, string>>;
      /** The valid body of a write; the matrix also sends `{}` and every field null. */
      body?: (f: AccessFixture) => RouteBody;
      /**
       * Why no allowed caller can get a 2xx here with the fixture (a redirect, a login state it cannot have). Without
       * it the matrix also fails when an allowed caller gets no 2xx with the valid body: the declaration would allow
       * more than the code does, or the fixture would prove nothing.
       */
      noWitness?: string;
      /** Why the first allowed caller's success uses the object up (one booking per slot): one 2xx is enough. */
      once?: string;
      /** Ends the caller's session: sent after every other route. */
      endsSession?: true;
    }
  | {
      /** Why the matrix does not send this route (the route is still declared, so a new one cannot hide). */
      skip: string;
    };

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
/** Keyed by `METHOD /path/:param`, exactly as the route was registered. */
export type RouteAccessTable = Readonly<Partial<Record<`${HttpMethod} /${string}`, RouteAccess>>>;
