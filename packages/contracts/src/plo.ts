import { z } from 'zod';

/**
 * The PLO address register as JSON: what `GET/PUT /api/operator/address-register` carry and what the import and
 * export functions read and write. Parties refer to their parent by HER-id and to a municipality by its number
 * (natural keys), so a file moves between installations.
 */

/** MsgInfo/Type values (code list 8279) Helsebro knows; a capability names one of them. */
export const ploMessageTypes = [
  'LOG_INNLAGT',
  'LOG_UTSKRIVNINGSKLAR',
  'LOG_AVMELDING',
  'LOG_UTSKREVET',
  'LOG_DOD',
  'INNLEGGELSESRAPPORT',
  'UTSKRIVNINGSRAPPORT',
  'HELSEOPPL_SOKNAD',
  'HELSEOPPLYSNINGER_LEGE',
  'MEDISINSKE_OPPLYSNINGER',
  'ORIENTERING_TJENESTETILBUD',
  'DIALOG_FORESPORSEL',
  'DIALOG_SVAR',
  'DIALOG_AVVIK',
  'DIALOG_NOTAT',
  'DIALOG_HELSEFAGLIG',
] as const;
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
