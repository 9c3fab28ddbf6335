import { z } from 'zod';
import { ploMessageTypes } from './constants.ts';

export { ploMessageTypes };
import { DATE_RANGE, isCalendarDate, isoCalendarDate, isoInstant } from './dates.ts';

/**
 * The PLO address register as JSON: what `GET/PUT /api/operator/address-register` carry and what the import and
 * export functions read and write. Parties refer to their parent by HER-id and to a municipality by its number
 * (natural keys), so a file moves between installations.
 */

export const ploMessageType = z.enum(ploMessageTypes);
export type PloMessageType = z.infer<typeof ploMessageType>;

export const herId = z.string().regex(/^[0-9]{1,12}$/, 'HER-id is 1–12 digits');

/** A message type a party receives, in which content versions (PLO 1.5/1.6, Dialogmelding 1.0/1.1). */
export const ploCapability = z.object({
  messageType: ploMessageType,
  versions: z.array(z.enum(['1.0', '1.1', '1.5', '1.6'])).min(1),
});
export type PloCapability = z.infer<typeof ploCapability>;

export const ploParty = z
  .object({
    herId,
    name: z.string().trim().min(1).max(200),
    orgNumber: z
      .string()
      .regex(/^[0-9]{9}$/, 'organisation number is 9 digits')
      .nullable()
      .default(null),
    kind: z.enum(['organisation', 'service', 'person']),
    parentHerId: herId.nullable().default(null),
    serviceType: z.string().max(100).nullable().default(null),
    municipalityNumber: z
      .string()
      .regex(/^[0-9]{4}$/)
      .nullable()
      .default(null),
    /** Served by this installation: messages addressed to it are received here. */
    hosted: z.boolean().default(false),
    capabilities: z.array(ploCapability).default([]),
    /** The message-responsible address (meldingsansvarlig); a service without one inherits its organisation's. */
    messageResponsible: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.email().nullable().default(null),
        phone: z.string().max(40).nullable().default(null),
      })
      .nullable()
      .default(null),
    /** Where messages and AppRecs for the party are POSTed (inherited from the organisation when null). */
    transportEndpoint: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
  })
  .refine((p) => (p.kind === 'organisation') === (p.parentHerId === null), {
    message: 'an organisation has no parent; a service or person has one',
    path: ['parentHerId'],
  });
export type PloParty = z.infer<typeof ploParty>;
export type PloPartyInput = z.input<typeof ploParty>;

export const ADDRESS_REGISTER_FORMAT = 'helsebro-address-register/1';

export const addressRegisterDocument = z.object({
  format: z.literal(ADDRESS_REGISTER_FORMAT),
  parties: z.array(ploParty).max(100_000),
});
export type AddressRegisterDocument = z.infer<typeof addressRegisterDocument>;
export type AddressRegisterDocumentInput = z.input<typeof addressRegisterDocument>;

export const addressRegisterImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
});
export type AddressRegisterImportResult = z.infer<typeof addressRegisterImportResult>;

/** What `POST /edi/v1/messages` answers (the transport receipt; the AppRec follows asynchronously). */
export const ediReceipt = z.object({
  /** accepted: positive AppRec queued; rejected: negative AppRec queued; duplicate: seen before, nothing new. */
  outcome: z.enum(['accepted', 'rejected', 'duplicate']),
  messageId: z.uuid(),
  msgId: z.string(),
  appRecs: z.array(
    z.object({
      id: z.string(),
      receiverHerId: z.string(),
      status: z.enum(['1', '2']),
      errors: z.array(z.object({ code: z.string(), text: z.string(), detail: z.string().optional() })),
    }),
  ),
});
export type EdiReceipt = z.infer<typeof ediReceipt>;

/*
 * Sending (POST /api/plo/messages): a message as typed data, one content shape per MsgInfo/Type. The server builds
 * MsgHead v1.2 with PLO 1.6 or Dialogmelding content from it and validates the result against the XSDs before it
 * is stored; what the schema refuses is answered 422 with the problems named.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const ploCoded = z.object({ v: text(40), dn: text(200) });
const ploCodedIn = z.object({ v: text(40), dn: text(200), codeList: z.number().int().min(1000).max(99999) });
/**
 * xs:dateTime (with or without zone) or xs:date, as TidspunktForHendelse takes them (XML Schema 1.1 Part 2
 * §3.3.7–3.3.9): a real time of day and zone in the pattern, a real day within DATE_RANGE in the refinement.
 */
const ploTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?)?$/,
    'a date (YYYY-MM-DD) or date and time (YYYY-MM-DDThh:mm:ss±hh:mm)',
  )
  .refine((v) => isCalendarDate(v.slice(0, 10)), `a real date from ${DATE_RANGE.firstYear} to ${DATE_RANGE.lastYear}`);
const ploDate = isoCalendarDate;
const hpr = z.string().regex(/^[0-9]{6,9}$/, 'HPR number is 6–9 digits');
const phone = z.string().trim().min(3).max(40);

const ploEvent = z.object({
  at: ploTime,
  estimate: z.boolean().optional(),
  description: text(500).optional(),
  note: text(2000).optional(),
});
const ploProfessional = z.object({
  type: ploCoded.optional(),
  familyName: text(100),
  givenName: text(100),
  hprNumber: hpr,
  phone: phone.optional(),
});
const ploCommon = {
  status: z.enum(['N', 'M', 'C']).optional(),
  contactUnit: z.object({ name: text(200), herId, phone: phone.optional() }).optional(),
  responsible: ploProfessional.optional(),
};
const ploLogistics = { ...ploCommon, status: z.enum(['N', 'C']).optional() };
const ploDiagnosis = z.object({
  code: ploCodedIn.optional(),
  description: text(500).optional(),
  main: z.boolean().optional(),
});
const ploNote = z.object({
  heading: z
    .object({
      v: text(40),
      dn: text(200),
      codeList: z.union([z.literal(9141), z.literal(9142), z.literal(9143), z.literal(9145)]),
    })
    .optional(),
  text: text(20_000),
});
const ploReportParts = {
  diagnoses: z.array(ploDiagnosis).max(50).optional(),
  notes: z.array(ploNote).max(50).optional(),
};
const dialogAuthor = z.object({
  type: ploCoded.optional(),
  roleToPatient: ploCoded.optional(),
  familyName: text(100),
  givenName: text(100),
  hprNumber: hpr.optional(),
  phone: phone.optional(),
});
const dialogQuestion = z.object({ kind: ploCoded, question: text(5000), reason: text(2000).optional() });
const existingService = z.object({
  name: text(200).optional(),
  private: z.boolean(),
  providedBy: text(200).optional(),
  details: text(2000).optional(),
  amount: z.number().nonnegative().max(1_000_000).optional(),
  unit: text(100).optional(),
  from: ploDate.optional(),
  to: ploDate.optional(),
  note: text(2000).optional(),
});

export const ploPartyAddress = z.object({
  organisation: z.object({
    name: text(200),
    herId,
    orgNumber: z
      .string()
      .regex(/^[0-9]{9}$/)
      .optional(),
  }),
  service: z.object({ name: text(200), herId }).optional(),
  person: z
    .object({ givenName: text(100).optional(), familyName: text(100), herId, hprNumber: hpr.optional() })
    .optional(),
});

export const ploPatient = z.object({
  familyName: text(100),
  givenName: text(100),
  middleName: text(100).optional(),
  /** 11 digits, a string: leading zeros matter. */
  nin: z.string().regex(/^[0-9]{11}$/, 'identity number is 11 digits'),
  idType: z.enum(['FNR', 'DNR', 'HNR', 'FHN']),
  dateOfBirth: ploDate.optional(),
  sex: z.enum(['1', '2', '9']).optional(),
  address: z
    .object({ streetAdr: text(200).optional(), postalCode: text(10).optional(), city: text(100).optional() })
    .optional(),
});

const ploEnvelope = {
  /** Our MsgId (a UUID); sending the same MsgId again returns the stored message and sends nothing new. */
  msgId: z.uuid().optional(),
  genDate: ploTime.optional(),
  conversationRef: z.object({ refToParent: z.uuid(), refToConversation: z.uuid() }).optional(),
  sender: ploPartyAddress,
  receiver: ploPartyAddress,
  patient: ploPatient,
  issueDate: ploTime.optional(),
  attachments: z
    .array(
      z.object({
        mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i),
        description: text(200).optional(),
        base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
        issueDate: ploTime.optional(),
      }),
    )
    .max(10)
    .optional(),
  processingStatus: z.enum(['P', 'T', 'D']).optional(),
};

const message = <T extends (typeof ploMessageTypes)[number], C extends z.ZodType>(type: T, content: C) =>
  z.object({ ...ploEnvelope, type: z.literal(type), content });

export const ploSendRequest = z.discriminatedUnion('type', [
  message('LOG_INNLAGT', z.object({ ...ploLogistics, admitted: ploEvent })),
  message('LOG_UTSKRIVNINGSKLAR', z.object({ ...ploLogistics, admitted: ploEvent, readyForDischarge: ploEvent })),
  message(
    'LOG_AVMELDING',
    z.object({
      ...ploLogistics,
      admitted: ploEvent.optional(),
      readyForDischarge: ploEvent.optional(),
      notReadyFrom: ploEvent,
    }),
  ),
  message(
    'LOG_UTSKREVET',
    z.object({ ...ploLogistics, discharged: ploEvent, dischargedTo: ploCoded, condition: ploCoded.optional() }),
  ),
  message('LOG_DOD', z.object({ ...ploLogistics, died: ploEvent })),
  message('INNLEGGELSESRAPPORT', z.object({ ...ploCommon, ...ploReportParts })),
  message(
    'UTSKRIVNINGSRAPPORT',
    z.object({ ...ploCommon, ...ploReportParts, admitted: ploEvent, discharged: ploEvent }),
  ),
  message(
    'HELSEOPPL_SOKNAD',
    z.object({
      ...ploCommon,
      ...ploReportParts,
      kind: z.enum(['notice', 'update']),
      stay: z.tuple([ploEvent], ploEvent),
      servicesNeeded: z
        .array(z.object({ name: text(200).optional(), description: text(2000).optional() }))
        .max(20)
        .optional(),
    }),
  ),
  message('HELSEOPPLYSNINGER_LEGE', z.object({ ...ploCommon, ...ploReportParts, about: ploCoded.optional() })),
  message(
    'MEDISINSKE_OPPLYSNINGER',
    z.object({
      ...ploCommon,
      ...ploReportParts,
      contentType: ploCodedIn.optional(),
      patientApplied: z.boolean().optional(),
    }),
  ),
  message(
    'ORIENTERING_TJENESTETILBUD',
    z.object({ ...ploCommon, services: z.tuple([existingService], existingService) }),
  ),
  message('DIALOG_FORESPORSEL', z.object({ question: dialogQuestion, author: dialogAuthor.optional() })),
  message('DIALOG_SVAR', z.object({ answer: text(20_000), question: dialogQuestion, author: dialogAuthor.optional() })),
  message(
    'DIALOG_AVVIK',
    z.object({
      topic: ploCoded,
      subject: text(200).optional(),
      text: text(20_000),
      aboutMsgId: z.string().max(100).optional(),
      author: dialogAuthor.optional(),
    }),
  ),
  message(
    'DIALOG_NOTAT',
    z.object({
      topic: ploCodedIn,
      subject: text(200).optional(),
      text: text(20_000),
      date: ploDate.optional(),
      author: dialogAuthor.optional(),
    }),
  ),
  message(
    'DIALOG_HELSEFAGLIG',
    z.object({ topic: ploCoded, subject: text(200).optional(), text: text(20_000), author: dialogAuthor.optional() }),
  ),
]);
export type PloSendRequest = z.infer<typeof ploSendRequest>;

/** The same statuses as plo-console.ts `ploOutgoingStatus` (which imports this file, so they are not shared). */
const outgoingStatus = z.enum(['queued', 'sent', 'delivered', 'apprec_ok', 'apprec_rejected', 'failed']);

/** 202 from POST /api/plo/messages: stored and queued (or, with `duplicate`, stored before under the same MsgId). */
export const ploSendReceipt = z.object({
  id: z.uuid(),
  msgId: z.string(),
  status: outgoingStatus,
  duplicate: z.boolean(),
});
export type PloSendReceipt = z.infer<typeof ploSendReceipt>;

/** GET /api/plo/messages/:id/status: where an outgoing message is, and how it got there. */
export const ploSendStatus = z.object({
  id: z.uuid(),
  msgId: z.string(),
  msgType: z.string(),
  status: outgoingStatus,
  senderHerId: z.string(),
  receiverHerId: z.string(),
  history: z.array(
    z.object({
      status: outgoingStatus,
      at: isoInstant,
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type PloSendStatus = z.infer<typeof ploSendStatus>;

/** PUT /api/operator/address-register/:herId/outgoing-credential: the token a partner issued to us, to present. */
export const ploOutgoingCredentialBody = z.object({
  token: z.string().regex(/^[A-Za-z0-9._~+/=-]{16,512}$/, '16–512 characters, no spaces'),
  label: z.string().trim().min(1).max(200),
});
export type PloOutgoingCredentialBody = z.infer<typeof ploOutgoingCredentialBody>;

/** POST /api/operator/address-register/:herId/partner-credentials: a new token for the partner; shown once. */
export const ploPartnerCredentialBody = z.object({ label: z.string().trim().min(1).max(200) });
export const ploIssuedCredential = z.object({ token: z.string() });
export type PloIssuedCredential = z.infer<typeof ploIssuedCredential>;
