import { z } from 'zod';
import { PLO_ALERT_LIMITS, ploAlertKinds, ploAlertStates } from './constants.ts';
import { herId } from './plo.ts';
import { ploMessageStatus } from './plo-console.ts';

export { PLO_ALERT_LIMITS, ploAlertKinds, ploAlertStates };

/**
 * PLO monitoring and alerts (issue 14, D3/D9). The monitoring job raises an alert once per event about a message
 * one of our services sent; message handlers of that service's organisation see them in the console, acknowledge
 * and close them with a note; each alert is also e-mailed (kind and link only) to the message-responsible address
 * in the address register.
 *
 *   GET  /api/plo/console/alerts?state=&service=&page=          → ploAlertListResponse
 *   GET  /api/plo/console/alerts/:id                            → ploAlert
 *   POST /api/plo/console/alerts/:id/acknowledge                → ploAlert (409 when closed or acknowledged)
 *   POST /api/plo/console/alerts/:id/close      ploAlertCloseBody → ploAlert (409 when closed)
 *
 * The operator keeps the message-responsible address in the address register:
 *
 *   GET  /api/operator/address-register/organisations?page=&q=  → addressRegisterOrganisationsResponse
 *   PUT  /api/operator/address-register/:herId/message-responsible  messageResponsibleBody → addressRegisterOrganisation
 *
 * No alert carries patient data: the message is named by its type, partner, time and id.
 */

export const ploAlertKind = z.enum(ploAlertKinds);
export type PloAlertKind = z.infer<typeof ploAlertKind>;
export const ploAlertState = z.enum(ploAlertStates);
export type PloAlertState = z.infer<typeof ploAlertState>;
export const ploAlertSeverity = z.enum(['warning', 'critical']);
export type PloAlertSeverity = z.infer<typeof ploAlertSeverity>;
export const ploAlertEmailState = z.enum(['queued', 'sent', 'no_address']);

const byPerson = z.object({ name: z.string().nullable(), at: z.string() });

export const ploAlert = z.object({
  id: z.string(),
  kind: ploAlertKind,
  severity: ploAlertSeverity,
  state: ploAlertState,
  raisedAt: z.string(),
  /** Our service whose message it is. */
  service: z.object({ herId, name: z.string(), organisationName: z.string() }),
  /** The partner organisation on the other side. */
  partner: z.object({ herId: z.string(), name: z.string() }).nullable(),
  message: z
    .object({
      id: z.string(),
      msgId: z.string().nullable(),
      msgType: z.string().nullable(),
      /** Code list 8279's name of the type (the web translates the types it knows). */
      typeName: z.string().nullable(),
      /** The message's status now (an AppRec may have come after the alert). */
      status: ploMessageStatus,
      /** When it was stored for sending, ISO 8601. */
      at: z.string(),
    })
    .nullable(),
  /** apprec_missing: the hours without AppRec that raised it; apprec_timeout: 96; partner_silent: office hours. */
  thresholdHours: z.number().nullable(),
  /** partner_silent: when the partner's last message came (ISO 8601); the alert's hours are office hours since. */
  silentSince: z.string().nullable(),
  /** apprec_negative: the AppRec's errors, code list 8221 code with its Norwegian text (codes.ts). */
  errors: z.array(z.object({ code: z.string(), text: z.string() })),
  acknowledged: byPerson.nullable(),
  closed: byPerson.extend({ note: z.string() }).nullable(),
  /** Whether the e-mail to the message-responsible address went: ours, and the partner's where it must act. */
  email: z.object({
    ours: ploAlertEmailState.nullable(),
    oursAt: z.string().nullable(),
    partner: ploAlertEmailState.nullable(),
    partnerAt: z.string().nullable(),
  }),
});
export type PloAlert = z.infer<typeof ploAlert>;

export const ploAlertParams = z.object({ id: z.uuid() });

/** `active` (open and acknowledged, the default) or `closed`; optionally one service; pages from 1. */
export const ploAlertListQuery = z.object({
  state: z.enum(['active', 'closed']).default('active'),
  service: herId.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PloAlertListQuery = z.input<typeof ploAlertListQuery>;

export const messageResponsible = z.object({
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type MessageResponsible = z.infer<typeof messageResponsible>;

export const ploAlertListResponse = z.object({
  /** Most serious first, then newest. */
  alerts: z.array(ploAlert),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** Across the caller's services (or the one chosen): not yet acknowledged, acknowledged and not closed. */
  counts: z.object({ open: z.number().int(), acknowledged: z.number().int() }),
  /** Where the e-mails go: the message-responsible address of the caller's organisation, from the address register. */
  messageResponsible: messageResponsible.nullable(),
});
export type PloAlertListResponse = z.infer<typeof ploAlertListResponse>;

export const ploAlertCloseBody = z.object({
  note: z.string().trim().min(1, 'required').max(PLO_ALERT_LIMITS.maxNoteLength, 'too_long'),
});
export type PloAlertCloseBody = z.infer<typeof ploAlertCloseBody>;

// The address register screen: organisations with their message-responsible address (D9).

export const addressRegisterOrganisationsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Part of a name or a HER-id. */
  q: z.string().trim().max(100).optional(),
});
export type AddressRegisterOrganisationsQuery = z.input<typeof addressRegisterOrganisationsQuery>;

export const addressRegisterParty = z.object({
  herId,
  name: z.string(),
  kind: z.enum(['organisation', 'service', 'person']),
  hosted: z.boolean(),
  /** Its own message-responsible address; null when it has none (a service then inherits its organisation's). */
  messageResponsible: messageResponsible.nullable(),
});

export const addressRegisterOrganisation = addressRegisterParty.extend({
  orgNumber: z.string().nullable(),
  municipalityNumber: z.string().nullable(),
  /** Its services and persons. */
  parties: z.array(addressRegisterParty),
});
export type AddressRegisterOrganisation = z.infer<typeof addressRegisterOrganisation>;

export const addressRegisterOrganisationsResponse = z.object({
  organisations: z.array(addressRegisterOrganisation),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type AddressRegisterOrganisationsResponse = z.infer<typeof addressRegisterOrganisationsResponse>;

/**
 * Sets a party's message-responsible address: a name and an e-mail address (alerts are e-mailed there), and a phone
 * number; `null` removes it (a service then inherits its organisation's).
 */
export const messageResponsibleBody = z.object({
  messageResponsible: z
    .object({
      name: z.string().trim().min(1, 'required').max(200, 'too_long'),
      email: z.email('invalid_email').max(254, 'too_long'),
      phone: z
        .string()
        .trim()
        .max(40, 'too_long')
        .regex(/^[+0-9 ()-]*$/, 'invalid_phone')
        .transform((v) => (v === '' ? null : v))
        .nullable()
        .default(null),
    })
    .nullable(),
});
export type MessageResponsibleBody = z.input<typeof messageResponsibleBody>;
