import type { RouteAccessTable } from '../../platform/http/route-access.ts';

const STAFF_ELSEWHERE = ['staffOtherUnit', 'staffOtherMunicipality', 'messageHandlerOtherOrg'] as const;
const PDF = new TextEncoder().encode(`%PDF-1.4\n${' '.repeat(200)}\n%%EOF\n`);

/**
 * Who may reach the letters' routes (see platform/http/route-access.ts). A's letters are read by A and by those
 * with `letters.read` for A: the matrix's proxies hold other areas only (digitale helsetjenester, innsyn), so both
 * are refused (403 `service_area_not_granted`). A unit's letters are its staff's.
 */
export const lettersAccess: RouteAccessTable = {
  'GET /api/letters': { allow: ['citizen'], own: ['otherCitizen'] },
  'GET /api/letters/:id/document': { allow: ['citizen'], params: { id: 'letter' } },
  'GET /api/staff/letters/units': { allow: ['staffSameUnit'], own: [...STAFF_ELSEWHERE, 'municipalAdmin'] },
  'POST /api/staff/letters/units/:unitId/letters': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: (f) => ({
      multipart: {
        fields: { nin: f.ninA, title: 'Vedtak om hjemmesykepleie', importance: 'important' },
        files: [{ name: 'vedtak.pdf', type: 'application/pdf', bytes: PDF }],
      },
    }),
  },
  'GET /api/staff/letters/units/:unitId/letters': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
  },
  'GET /api/staff/letters/units/:unitId/print-list': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
  },
  'GET /api/staff/letters/:id/document': { allow: ['staffSameUnit'], params: { id: 'letter' } },
  'POST /api/staff/letters/:id/printed': {
    allow: ['staffSameUnit'],
    params: { id: 'letterToPrint' },
    once: 'a letter is printed once; a second time is 409 letter_not_queued_for_print',
  },
};
