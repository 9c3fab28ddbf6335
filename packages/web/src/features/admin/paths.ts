/** The administration workspace's pages (issue 12's navigation contract); other features link here by these. */
export const ADMIN_PATHS = {
  overview: '/ansatt/admin',
  units: '/ansatt/admin/enheter',
  staff: '/ansatt/admin/ansatte',
  epj: '/ansatt/admin/epj',
  terms: '/ansatt/admin/vilkar',
  services: '/ansatt/admin/tjenester',
  termination: '/ansatt/admin/oppsigelse',
} as const;
