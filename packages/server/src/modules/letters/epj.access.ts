import type { RouteAccessTable } from '../../platform/http/route-access.ts';

const PDF = Buffer.from(`%PDF-1.4\n${' '.repeat(200)}\n%%EOF\n`).toString('base64');

/** Who may reach the letters' EPJ routes (see platform/http/route-access.ts): the EPJ of A's municipality. */
export const lettersEpjAccess: RouteAccessTable = {
  'POST /epj/v1/letters': {
    allow: ['epjClient'],
    body: (f) => ({
      json: {
        serviceUnitId: f.unit,
        nin: f.ninA,
        title: 'Innkalling til samtale',
        importance: 'important',
        document: { filename: 'innkalling.pdf', contentType: 'application/pdf', data: PDF },
      },
    }),
  },
  'GET /epj/v1/letters/:id': { allow: ['epjClient'], params: { id: 'letter' } },
};
