import type { AccessFixture, RouteAccessTable } from '../../platform/http/route-access.ts';
import { buildMessage } from './msghead/message.build.ts';
import { sampleMessage } from './testing/sample-messages.ts';

const patientA = (f: AccessFixture) => ({
  familyName: 'Hansen',
  givenName: 'Per',
  nin: f.ninA,
  idType: 'FNR' as const,
});
/** The handlers of A's municipality's services: its message handler works in another unit than A's. */
const HANDLER = ['staffOtherUnit'] as const;

/** Who may reach the PLO hub's routes (see platform/http/route-access.ts). */
export const ploAccess: RouteAccessTable = {
  // The hospital posts to A's municipality about A: that is what its credential is for.
  'POST /edi/v1/messages': {
    allow: ['partnerOtherOrg'],
    body: (f) => ({ xml: buildMessage(sampleMessage('LOG_INNLAGT', { patient: patientA(f) })).xml }),
  },
  // The single-instance demo's hospital (development IdP only): its own token, held by no caller of the matrix.
  'POST /dev/demo-hospital/edi/v1/messages': {
    allow: [],
    body: (f) => ({ xml: buildMessage(sampleMessage('INNLEGGELSESRAPPORT', { patient: patientA(f) })).xml }),
  },
  'POST /api/plo/messages': {
    allow: HANDLER,
    body: (f) => ({
      // A's municipality's home nursing reports A's condition to the hospital at admission.
      json: sampleMessage('INNLEGGELSESRAPPORT', { patient: patientA(f) }),
    }),
  },
  'GET /api/plo/messages/:id/status': { allow: HANDLER, params: { id: 'ploMessageOut' } },
  // The message console: a handler of another organisation sees its own services only.
  'GET /api/plo/console/services': { allow: HANDLER, own: ['messageHandlerOtherOrg'] },
  'GET /api/plo/console/services/:herId/inbox': { allow: HANDLER, params: { herId: 'ploService' } },
  'GET /api/plo/console/services/:herId/outbox': { allow: HANDLER, params: { herId: 'ploService' } },
  'GET /api/plo/console/messages/:id': { allow: HANDLER, params: { id: 'ploMessageIn' } },
  'GET /api/plo/console/messages/:id/xml': { allow: HANDLER, params: { id: 'ploMessageIn' } },
  'POST /api/plo/console/messages/:id/handled': { allow: HANDLER, params: { id: 'ploMessageIn' } },
  'POST /api/plo/console/messages/:id/answer': {
    allow: HANDLER,
    params: { id: 'ploMessageIn' },
    body: () => ({
      json: { type: 'DIALOG_FORESPORSEL', questionKind: '8', text: 'Når er pasienten ventet utskrevet?' },
    }),
  },
  // Alerts (issue 14): the handlers of the organisation whose service sent the message; another organisation's
  // handler sees its own alerts only.
  'GET /api/plo/console/alerts': { allow: HANDLER, own: ['messageHandlerOtherOrg'] },
  'GET /api/plo/console/alerts/:id': { allow: HANDLER, params: { id: 'ploAlert' } },
  'POST /api/plo/console/alerts/:id/acknowledge': { allow: HANDLER, params: { id: 'ploAlert' } },
  'POST /api/plo/console/alerts/:id/close': {
    allow: HANDLER,
    params: { id: 'ploAlertToClose' },
    body: () => ({ json: { note: 'Sykehuset var nede; meldingen er sendt på nytt.' } }),
  },
  // Rejected messages (issue 14, D6): the handlers of the organisation they were addressed to.
  'GET /api/plo/console/rejected': { allow: HANDLER, own: ['messageHandlerOtherOrg'] },
  'POST /api/plo/console/rejected/:id/close': {
    allow: HANDLER,
    params: { id: 'ploRejected' },
    body: () => ({ json: { note: 'Sendt til feil tjeneste; avsenderen har fått negativ kvittering.' } }),
  },
  'POST /api/plo/console/rejected/:id/forward': {
    allow: HANDLER,
    params: { id: 'ploRejectedToForward' },
    body: (f) => ({ json: { serviceHerId: f.ploService, note: 'Hører til hjemmesykepleien.' } }),
  },
};
