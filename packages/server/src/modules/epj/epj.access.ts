import { EVERYONE, type RouteAccessTable } from '../../platform/http/route-access.ts';

const author = (hprNumber: string) => ({ hprNumber, name: 'Siri Sykepleier' });

/** Who may reach the EPJ dialog API (see platform/http/route-access.ts): the EPJ of A's municipality. */
export const epjAccess: RouteAccessTable = {
  // The API's description is public, as any OpenAPI document of an integration API.
  'GET /epj/v1/openapi.json': { allow: EVERYONE },
  // Each EPJ reads its own municipality's feed; the other's must not name A.
  'GET /epj/v1/events': { allow: ['epjClient'], own: ['epjClientOtherMunicipality'] },
  'GET /epj/v1/conversations/:id': { allow: ['epjClient'], params: { id: 'conversation' } },
  'POST /epj/v1/conversations/:id/messages': {
    allow: ['epjClient'],
    params: { id: 'conversation' },
    body: (f) => ({ json: { text: 'Vi kommer innom i morgen.', author: author(f.unitStaffHpr) } }),
  },
  'POST /epj/v1/conversations/:id/read': {
    allow: ['epjClient'],
    params: { id: 'conversation' },
    body: (f) => ({ json: { author: author(f.unitStaffHpr) } }),
  },
  'POST /epj/v1/conversations/:id/close': {
    allow: ['epjClient'],
    params: { id: 'conversationToClose' },
    body: (f) => ({ json: { author: author(f.unitStaffHpr) } }),
  },
  'GET /epj/v1/attachments/:id': { allow: ['epjClient'], params: { id: 'attachment' } },
};
