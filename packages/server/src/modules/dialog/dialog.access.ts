import type { RouteAccessTable } from '../../platform/http/route-access.ts';

const STAFF_ELSEWHERE = ['staffOtherUnit', 'staffOtherMunicipality', 'messageHandlerOtherOrg'] as const;
const PDF = new TextEncoder().encode(`%PDF-1.4\n${' '.repeat(200)}\n%%EOF\n`);

/**
 * Who may reach the dialog's routes (see platform/http/route-access.ts). A's conversations are read by A, by a
 * proxy with the area for the digital health services, and by the staff of the unit A writes to.
 */
export const dialogAccess: RouteAccessTable = {
  'GET /api/dialog/units': { allow: ['citizen', 'proxyInScope'], own: ['otherCitizen'] },
  'GET /api/dialog/conversations': { allow: ['citizen', 'proxyInScope'], own: ['otherCitizen'] },
  'POST /api/dialog/conversations': {
    allow: ['citizen', 'proxyInScope'],
    // Another citizen of the same unit starts a conversation of her own.
    own: ['otherCitizen'],
    body: (f) => ({
      multipart: {
        fields: { serviceUnitId: f.unit, subject: 'Spørsmål om medisiner', text: 'Når kommer neste dosett?' },
        files: [{ name: 'liste.pdf', type: 'application/pdf', bytes: PDF }],
      },
    }),
  },
  'GET /api/dialog/conversations/:id': { allow: ['citizen', 'proxyInScope'], params: { id: 'conversation' } },
  'POST /api/dialog/conversations/:id/messages': {
    allow: ['citizen', 'proxyInScope'],
    params: { id: 'conversation' },
    body: () => ({ multipart: { fields: { text: 'Takk for svar.' } } }),
  },
  // Both attachment routes take citizens and personnel; each checks the conversation.
  'GET /api/dialog/attachments/:id': {
    allow: ['citizen', 'proxyInScope', 'staffSameUnit'],
    params: { id: 'attachment' },
  },
  'GET /api/staff/dialog/attachments/:id': {
    allow: ['citizen', 'proxyInScope', 'staffSameUnit'],
    params: { id: 'attachment' },
  },
  'GET /api/staff/dialog/units': { allow: ['staffSameUnit'], own: [...STAFF_ELSEWHERE, 'municipalAdmin'] },
  'GET /api/staff/dialog/units/:unitId/inbox': { allow: ['staffSameUnit'], params: { unitId: 'unit' } },
  'GET /api/staff/dialog/units/:unitId/staff': { allow: ['staffSameUnit'], params: { unitId: 'unit' } },
  // The unit starts a conversation with A, whom it serves (issue 15); another municipality's unit is not found.
  'POST /api/staff/dialog/units/:unitId/conversations': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: (f) => ({
      multipart: { fields: { personId: f.personA, subject: 'Besøk neste uke', text: 'Vi kommer tirsdag kl. 10.' } },
    }),
  },
  // A unit's dialog settings: its staff, and the municipality's administrator for every unit (issue 12).
  'GET /api/staff/dialog/units/:unitId/settings': {
    allow: ['staffSameUnit', 'municipalAdmin'],
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
  },
  'PUT /api/staff/dialog/units/:unitId/settings': {
    allow: ['staffSameUnit', 'municipalAdmin'],
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: () => ({
      json: {
        phone: '77 70 10 000',
        email: 'hjemmesykepleien@fjordvik.kommune.example',
        openingHours: 'Hverdager 08–15',
        openForDialog: true,
        responseWorkingDays: 1,
        autoReply: null,
        functionalEmail: null,
        alertByEmail: false,
        absences: [],
      },
    }),
  },
  'GET /api/staff/dialog/conversations/:id': { allow: ['staffSameUnit'], params: { id: 'conversation' } },
  'POST /api/staff/dialog/conversations/:id/messages': {
    allow: ['staffSameUnit'],
    params: { id: 'conversation' },
    body: () => ({ multipart: { fields: { text: 'Vi kommer innom i ettermiddag.' } } }),
  },
  'POST /api/staff/dialog/conversations/:id/close': { allow: ['staffSameUnit'], params: { id: 'conversationToClose' } },
  'POST /api/staff/dialog/conversations/:id/assign': {
    allow: ['staffSameUnit'],
    params: { id: 'conversation' },
    body: (f) => ({ json: { personnelId: f.unitStaffId } }),
  },
};
