import type {
  PLO_CONSOLE_LIMITS as LIMITS,
  ploInboxStates,
  ploMessageTypes,
  ploOutgoingStatuses,
} from '@helsebro/contracts';

/*
 * Copies of the contracts' constants, checked against them by type (a value import from the contracts would
 * bundle zod into the app).
 */

export const PLO_TYPES: typeof ploMessageTypes = [
  'LOG_INNLAGT',
  'LOG_UTSKRIVNINGSKLAR',
  'LOG_AVMELDING',
  'LOG_UTSKREVET',
  'LOG_DOD',
  'INNLEGGELSESRAPPORT',
  'UTSKRIVNINGSRAPPORT',
  'HELSEOPPL_SOKNAD',
  'HELSEOPPLYSNINGER_LEGE',
  'MEDISINSKE_OPPLYSNINGER',
  'ORIENTERING_TJENESTETILBUD',
  'DIALOG_FORESPORSEL',
  'DIALOG_SVAR',
  'DIALOG_AVVIK',
  'DIALOG_NOTAT',
  'DIALOG_HELSEFAGLIG',
];

export const INBOX_STATES: typeof ploInboxStates = ['new', 'read', 'handled'];

export const OUTGOING_STATUSES: typeof ploOutgoingStatuses = [
  'queued',
  'sent',
  'delivered',
  'apprec_ok',
  'apprec_rejected',
  'failed',
];

export const PLO_LIMITS: typeof LIMITS = {
  pageSize: 25,
  maxPageSize: 100,
  maxAnswerLength: 4_000,
  maxSubjectLength: 120,
};
