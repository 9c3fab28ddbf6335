import { z } from 'zod';
import { CHANGE_REASON_MAX } from './constants.ts';
import { contactBody } from './support.ts';
import { EPJ_SERVICE_CODES, STAFF_ROLES, UNIT_KINDS } from './constants.ts';

/**
 * Municipalities, their units, staff and EPJ systems (issue 12).
 *
 * Operator (/api/operator):
 *   GET  /municipalities?q=&page=                   → municipalitiesResponse
 *   POST /municipalities                            municipalityCreateBody → 201 municipalityDetail
 *   GET  /municipalities/:municipalityId            → municipalityDetail
 *   POST /municipalities/:municipalityId/administrators  administratorBody → 201 municipalityDetail
 *   GET  /epj-products                              → epjProductsResponse
 *   POST /epj-products                              epjProductBody → 201 epjProduct
 *   PUT  /epj-products/:productId/support-contact   epjSupportContactBody → epjProduct
 * Municipality administrator (/api/admin, personnel with `municipal_admin`):
 *   GET  /municipality                              → adminMunicipalityResponse
 *   GET  /units · POST /units · PUT /units/:unitId · POST /units/:unitId/close
 *   GET  /staff?q=&page= · POST /staff · PUT /staff/:personnelId · DELETE /staff/:personnelId
 *   PUT  /epj-system                                epjSystemBody → adminMunicipalityResponse
 *   GET  /epj-clients · POST /epj-clients · POST /epj-clients/:clientId/rotate · POST /epj-clients/:clientId/revoke
 */

export { EPJ_SERVICE_CODES, type EpjServiceCode } from './constants.ts';

export { STAFF_ROLES, UNIT_KINDS, type StaffRoleCode, type UnitKind } from './constants.ts';

export const ORG_PAGE_SIZE = 25;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const uuid = z.uuid();
const nin = z.string().regex(/^\d{11}$/, 'Fødselsnummeret skal ha 11 siffer.');
const hprNumber = z.string().regex(/^\d{6,9}$/, 'HPR-nummeret skal ha 6 til 9 siffer.');

/**
 * Why an administrative change is made, kept with who made it in the change's audit entry. Optional on every
 * change; the services require it where the change ends something (closing a unit, ending a staff member's work,
 * revoking a client) and answer 422 naming `reason` (`reason_required`) without it.
 */
const reason = z.string().trim().max(CHANGE_REASON_MAX).nullish();
/** The body of a change that ends something: only the reason (required by the service). */
export const changeReasonBody = z.object({ reason });
export type ChangeReasonBody = z.infer<typeof changeReasonBody>;
export { CHANGE_REASON_MAX } from './constants.ts';

export const pageQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const municipalityCreateBody = z.object({
  name: text(200),
  orgNumber: z.string().regex(/^\d{9}$/, 'Organisasjonsnummeret skal ha 9 siffer.'),
  number: z.string().regex(/^\d{4}$/, 'Kommunenummeret skal ha 4 siffer.'),
  contactName: text(200),
  contactEmail: z.email().max(254),
  contactPhone: z.string().regex(/^\+?[0-9 ]{8,15}$/, 'Telefonnummeret er ikke gyldig.'),
  reason,
});
export type MunicipalityCreateBody = z.infer<typeof municipalityCreateBody>;

export const municipalityItem = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string(),
  orgNumber: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: z.string(),
});
export type MunicipalityItem = z.infer<typeof municipalityItem>;

export const municipalitiesResponse = z.object({
  items: z.array(municipalityItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type MunicipalitiesResponse = z.infer<typeof municipalitiesResponse>;

export const epjProductBody = z.object({
  vendor: text(200),
  name: text(200),
  versions: z.array(text(50)).min(1).max(50),
  services: z.array(z.enum(EPJ_SERVICE_CODES)).max(EPJ_SERVICE_CODES.length),
  reason,
  /** The vendor's support, where staff are sent with questions about the EPJ's functions (seed 000 §5.1). */
  supportContact: contactBody.nullish(),
});
export type EpjProductBody = z.infer<typeof epjProductBody>;

export const epjProduct = epjProductBody.omit({ reason: true }).extend({ id: z.string() });
export type EpjProduct = z.infer<typeof epjProduct>;
export const epjProductsResponse = z.object({ items: z.array(epjProduct) });
export type EpjProductsResponse = z.infer<typeof epjProductsResponse>;

/** The vendor's support contact of a registered product, set or replaced (null: removed). */
export const epjSupportContactBody = z.object({ supportContact: contactBody.nullable(), reason });
export type EpjSupportContactBody = z.infer<typeof epjSupportContactBody>;

export const administratorItem = z.object({
  personnelId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  hprNumber: z.string().nullable(),
});
export type AdministratorItem = z.infer<typeof administratorItem>;

export const municipalityDetail = municipalityItem.extend({
  administrators: z.array(administratorItem),
  epjProduct: epjProduct.nullable(),
  epjVersion: z.string().nullable(),
});
export type MunicipalityDetail = z.infer<typeof municipalityDetail>;

export const municipalityParams = z.object({ municipalityId: uuid });
export const epjProductParams = z.object({ productId: uuid });

/**
 * A named HelseID person: found by HPR number or identity number; a person not yet registered needs the identity
 * number (HelseID's `pid`) and the name.
 */
export const administratorBody = z
  .object({
    nin: nin.nullish(),
    hprNumber: hprNumber.nullish(),
    givenName: optionalText(100),
    familyName: optionalText(100),
    reason,
  })
  .refine((b) => b.nin || b.hprNumber, { message: 'Oppgi HPR-nummer eller fødselsnummer.', path: ['nin'] });
export type AdministratorBody = z.infer<typeof administratorBody>;

export const unitBody = z.object({
  name: text(200),
  kind: z.enum(UNIT_KINDS),
  phone: z.string().regex(/^\+?[0-9 ]{8,15}$/, 'Telefonnummeret er ikke gyldig.'),
  functionalEmail: z.email().max(254),
  herId: z
    .string()
    .regex(/^\d{1,9}$/, 'HER-id skal være et tall.')
    .nullish(),
  /** Works every day, weekends and public holidays included (home care); left out: unchanged (new unit: no). */
  visitsEveryDay: z.boolean().optional(),
  reason,
});
export type UnitBody = z.infer<typeof unitBody>;

export const adminUnit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  phone: z.string().nullable(),
  functionalEmail: z.string().nullable(),
  herId: z.string().nullable(),
  closedAt: z.string().nullable(),
  visitsEveryDay: z.boolean(),
});
export type AdminUnit = z.infer<typeof adminUnit>;
export const adminUnitsResponse = z.object({ items: z.array(adminUnit) });
export type AdminUnitsResponse = z.infer<typeof adminUnitsResponse>;
export const adminUnitParams = z.object({ unitId: uuid });

/** A role at a unit; `municipal_admin` is for the whole municipality and names no unit. */
export const staffRoleInput = z.object({ role: z.enum(STAFF_ROLES), unitId: uuid.nullish() });
export type StaffRoleInput = z.infer<typeof staffRoleInput>;

export const staffUpdateBody = z.object({
  givenName: text(100),
  familyName: text(100),
  hprNumber: hprNumber.nullish(),
  roles: z.array(staffRoleInput).min(1).max(50),
  reason,
});
export type StaffUpdateBody = z.infer<typeof staffUpdateBody>;
export const staffCreateBody = staffUpdateBody.extend({ nin });
export type StaffCreateBody = z.infer<typeof staffCreateBody>;

export const staffMember = z.object({
  personnelId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  hprNumber: z.string().nullable(),
  roles: z.array(
    z.object({ role: z.enum(STAFF_ROLES), unitId: z.string().nullable(), unitName: z.string().nullable() }),
  ),
});
export type StaffMember = z.infer<typeof staffMember>;
export const staffPage = z.object({
  items: z.array(staffMember),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type StaffPage = z.infer<typeof staffPage>;
export const adminStaffParams = z.object({ personnelId: uuid });

export const epjSystemBody = z.object({ productId: uuid, version: text(50), reason });
export type EpjSystemBody = z.infer<typeof epjSystemBody>;

export const adminMunicipalityResponse = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string(),
  orgNumber: z.string(),
  epjProduct: epjProduct.nullable(),
  epjVersion: z.string().nullable(),
  /** The operator's list to choose from. */
  products: z.array(epjProduct),
});
export type AdminMunicipalityResponse = z.infer<typeof adminMunicipalityResponse>;

/** A JSON Web Key Set (RFC 7517 §5) of public keys: no private members. */
export const publicJwks = z.object({
  keys: z
    .array(
      z
        .object({ kty: z.enum(['RSA', 'EC']), kid: z.string().max(200).optional() })
        .catchall(z.unknown())
        .refine((k) => !('d' in k), { message: 'Nøkkelsettet kan bare inneholde offentlige nøkler.' }),
    )
    .min(1)
    .max(10),
});
export type PublicJwks = z.infer<typeof publicJwks>;

/** Either the client's public keys (`private_key_jwt`, as at HelseID) or a secret (development IdP only). */
export const clientCredentialBody = z
  .object({ jwks: publicJwks.nullish(), secret: z.string().min(16).max(200).nullish(), reason })
  .refine((b) => (b.jwks ? 1 : 0) + (b.secret ? 1 : 0) === 1, {
    message: 'Oppgi enten et offentlig nøkkelsett (JWKS) eller en hemmelighet.',
    path: ['jwks'],
  });
export type ClientCredentialBody = z.infer<typeof clientCredentialBody>;

export const clientCreateBody = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9._:-]{3,100}$/, 'Klient-id kan ha bokstaver, tall og . _ : -.'),
    clientName: text(200),
    jwks: publicJwks.nullish(),
    secret: z.string().min(16).max(200).nullish(),
    reason,
  })
  .refine((b) => (b.jwks ? 1 : 0) + (b.secret ? 1 : 0) === 1, {
    message: 'Oppgi enten et offentlig nøkkelsett (JWKS) eller en hemmelighet.',
    path: ['jwks'],
  });
export type ClientCreateBody = z.infer<typeof clientCreateBody>;

export const machineClient = z.object({
  clientId: z.string(),
  clientName: z.string(),
  authMethod: z.enum(['private_key_jwt', 'client_secret_basic']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type MachineClientItem = z.infer<typeof machineClient>;
export const machineClientsResponse = z.object({ items: z.array(machineClient) });
export type MachineClientsResponse = z.infer<typeof machineClientsResponse>;
export const adminClientParams = z.object({ clientId: z.string().regex(/^[A-Za-z0-9._:-]{3,100}$/) });
