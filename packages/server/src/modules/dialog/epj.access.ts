import type { RouteAccessTable } from '../../platform/http/route-access.ts';

const author = (hprNumber: string) => ({ hprNumber, name: 'Siri Sykepleier' });

/** Who may reach the dialog's EPJ routes (see platform/http/route-access.ts): the EPJ of A's municipality. */
export const dialogEpjAccess: RouteAccessTable = {
  'POST /epj/v1/conversations': {
    allow: ['epjClient'],
    body: (f) => ({
      json: {
        serviceUnitId: f.unit,
        nationalIdentityNumber: f.ninA,
        subject: 'Besøk neste uke',
        text: 'Vi kommer tirsdag kl. 10.',
        author: author(f.unitStaffHpr),
      },
    }),
  },
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
