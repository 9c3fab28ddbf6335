import type { AddressRegister, RegisterParty } from '../address-register/address-register.service.ts';
import type { AppRecParty } from '../apprec/apprec.types.ts';
import { everyHerId } from '../msghead/msghead.parse.ts';
import type { Addressee } from '../msghead/msghead.types.ts';
import type { FoundError } from './assess.ts';

/** A HER-id in a Sender that the authenticated partner may not speak for, and whose it is (null: unknown). */
export type ForeignSenderParty = { herId: string; level: number; belongsTo: string | null };

/** At most this many are named in the AppRec and kept with the message; one is enough to refuse. */
const MAX_NAMED = 10;

/**
 * The HER-ids in a message's Sender that do not belong to the partner whose credential posted it. Tjenestebasert
 * adressering (HIS 1153-2 §4.3, AD2.2–AD2.7) has the sender name its virksomhet (level 1) and its own
 * kommunikasjonspart below it (level 2: a service, or a person such as a GP), each with the HER-id the address
 * register gives it under that virksomhet. So every HER-id in the Sender, at every level, must be the partner
 * organisation or one of its parties in our copy of the register.
 *
 * A sub-level HER-id the register does not know is refused as well: the register (AR, HIS 1153-1 §4–6) lists every
 * kommunikasjonspart under its virksomhet, so an unlisted one is either stale in our copy or not the partner's, and
 * we cannot tell which. Accepting it would let a later register import decide after the fact whom our answers to
 * the message reach. The fix for a genuine new party is a register import, not a weaker check.
 * @param sender - MsgInfo/Sender as read
 * @param partner - the authenticated partner organisation
 * @param register - the address register
 */
export async function foreignSenderParties(
  sender: Addressee,
  partner: RegisterParty,
  register: AddressRegister,
): Promise<ForeignSenderParty[]> {
  const foreign: ForeignSenderParty[] = [];
  for (const { herId, level } of everyHerId(sender)) {
    const party = await register.lookup(herId);
    const organisation = party ? await register.organisationOf(party) : undefined;
    if (organisation?.id !== partner.id) {
      foreign.push({ herId, level, belongsTo: organisation?.herId ?? null });
    }
  }
  return foreign.slice(0, MAX_NAMED);
}

/**
 * The AppRec error for a Sender naming parties that are not the partner's. Code list 8221 has no code for an
 * invalid or unknown sender (HIS 80415-1.1 §6.3 lists T, S, E and X codes; E20/E21 are about the receiver), so it
 * is X99 "Annen feil" with the reason in OT, as other receivers do for checks the list has no code for.
 * @param foreign - what `foreignSenderParties` found (not empty)
 * @param partner - the authenticated partner organisation
 */
export function foreignSenderError(foreign: ForeignSenderParty[], partner: RegisterParty): FoundError {
  const named = foreign
    .map(
      (f) => `${f.herId} (nivå ${f.level}, ${f.belongsTo ? `hører til ${f.belongsTo}` : 'ukjent i adresseregisteret'})`,
    )
    .join(', ');
  return {
    code: 'X99',
    detail: `Avsenderen ${partner.herId} kan ikke sende på vegne av HER-id ${named}; meldingen er ikke tatt imot.`,
  };
}

/**
 * Where the AppRec for a refused Sender goes: the authenticated organisation itself, without the sub-level it named.
 * HITS 1168 §11 has the AppRec mirror the original Sender, but that Sender named another organisation's party, and
 * mirroring it would address our answer there.
 * @param partner - the authenticated partner organisation
 */
export function partnerAppRecParty(partner: RegisterParty): AppRecParty {
  return { inst: { name: partner.name, herId: partner.herId } };
}
