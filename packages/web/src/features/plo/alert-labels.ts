import type { PloAlert } from '@helsebro/contracts';
import i18next, { type TFunction } from 'i18next';

/** The alert's kind in the reader's language (the hours of a missing receipt, or a silent partner, filled in). */
export function alertKindLabel(t: TFunction, a: Pick<PloAlert, 'kind' | 'thresholdHours' | 'partner'>): string {
  return t(`ploAlerts.kinds.${a.kind}`, { hours: a.thresholdHours ?? '', partner: a.partner?.name ?? '' });
}

/** An AppRec error (code list 8221): the reader's language where we have the code, else the server's Norwegian. */
export function alertErrorLabel(t: TFunction, e: { code: string; text: string }): string {
  const key = `ploAlerts.errors.${e.code}`;
  return `${e.code}: ${i18next.exists(key) ? t(key) : e.text}`;
}
