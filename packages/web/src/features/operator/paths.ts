/** The operator console's pages (issue 12's navigation contract); other features build some of them. */
export const OPERATOR_PATHS = {
  overview: '/drift',
  municipalities: '/drift/kommuner',
  newMunicipality: '/drift/kommuner/ny',
  epjProducts: '/drift/epj-produkter',
  populationRegister: '/drift/folkeregister',
  terms: '/drift/vilkar',
  windDown: '/drift/avvikling',
  support: '/drift/support',
  evaluation: '/drift/evaluering',
  addressRegister: '/drift/adresseregister',
} as const;

export function municipalityPath(id: string): string {
  return `${OPERATOR_PATHS.municipalities}/${encodeURIComponent(id)}`;
}
