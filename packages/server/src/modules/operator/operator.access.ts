import { ADDRESS_REGISTER_FORMAT } from '@helsebro/contracts';
import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may reach the operator console's API (see platform/http/route-access.ts): the operator alone. */
export const operatorAccess: RouteAccessTable = {
  'GET /api/operator/jobs': { allow: ['operator'] },
  'POST /api/operator/jobs/:id/retry': { allow: ['operator'], params: { id: 'job' } },
  'POST /api/operator/jobs/retry-dead': {
    allow: ['operator'],
    body: () => ({ json: { kind: 'plo.send_message', cause: 'no_endpoint' } }),
  },
  'GET /api/operator/outbox/captured': { allow: ['operator'] },
  'GET /api/operator/address-register': { allow: ['operator'] },
  // Merge, so that a caller who got through would add nothing rather than wipe the register.
  'PUT /api/operator/address-register': {
    allow: ['operator'],
    query: () => ({ mode: 'merge' }),
    body: () => ({ json: { format: ADDRESS_REGISTER_FORMAT, parties: [] } }),
  },
  'GET /api/operator/address-register/organisations': { allow: ['operator'] },
  'PUT /api/operator/address-register/:herId/message-responsible': {
    allow: ['operator'],
    params: { herId: 'ploPartner' },
    body: () => ({
      json: {
        messageResponsible: {
          name: 'Meldingsansvarlig, Fjordvik sykehus',
          email: 'meldingsansvarlig@fjordvik-sykehus.example',
          phone: '+47 73 00 00 00',
        },
      },
    }),
  },
  'POST /api/operator/address-register/:herId/partner-credentials': {
    allow: ['operator'],
    params: { herId: 'ploPartner' },
    body: () => ({ json: { label: 'Matrisetest' } }),
  },
  'PUT /api/operator/address-register/:herId/outgoing-credential': {
    allow: ['operator'],
    params: { herId: 'ploPartner' },
    body: () => ({ json: { token: 'matrix-test-token-0123456789', label: 'Matrisetest' } }),
  },
};
