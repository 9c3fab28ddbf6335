/**
 * Plain Norwegian for the citizen's access log: what was done, why, and in which role. Unknown codes are shown as
 * a generic sentence with the code, so a new action is never hidden.
 */
export const ACTION_TEXT: Record<string, string> = {
  'profile.read': 'Så personopplysningene (navn, fødselsdato, adresse og kommune)',
  'health_contacts.read': 'Så helsekontaktene',
  'access_log.read': 'Så loggen over hvem som har sett opplysningene',
  'representation.switch': 'Valgte hvem Helsebro brukes for',
  'representation.use': 'Forsøkte å bruke Helsebro på vegne av personen',
  'fullmakt.give': 'Ga en fullmakt',
  'fullmakt.replace': 'Endret en fullmakt',
  'fullmakt.end': 'Avsluttet en fullmakt',
  'fullmakt.list': 'Så fullmaktene',
  'staff.citizens.list': 'Så personen i listen over dem tjenesten følger opp',
  'staff.citizen.read': 'Leste personopplysninger og tjenester',
  'emergency_access.grant': 'Tok i bruk akuttilgang («glassknusing»)',
  'epj.events.read': 'Journalsystemet fikk beskjed om nye meldinger eller lesing',
};

export const PURPOSE_TEXT: Record<string, string> = {
  self_service: 'Egen bruk av Helsebro',
  representation: 'Representasjon (foreldreansvar eller fullmakt)',
  health_care: 'Helsehjelp (tjenstlig behov)',
  emergency: 'Akuttilgang',
  operations: 'Drift av Helsebro',
  epj_integration: 'Helsehjelp gjennom kommunens journalsystem (EPJ)',
};

export const ROLE_TEXT: Record<string, string> = {
  nurse: 'Sykepleier',
  health_worker: 'Helsefagarbeider',
  physician: 'Lege',
  unit_leader: 'Enhetsleder',
  message_handler: 'Meldingsansvarlig',
  municipal_admin: 'Kommuneadministrator',
};

/**
 * The sentence for an action code.
 * @param action - e.g. `profile.read`
 */
export function describeAction(action: string): string {
  return ACTION_TEXT[action] ?? `Annen handling (${action})`;
}
