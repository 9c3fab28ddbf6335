import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../i18n/index.ts';
import { auditActionsEn, auditPurposesEn, otherActionEn } from '../../i18n/audit-texts.en.ts';
import { auditActionsNb, auditPurposesNb, otherActionNb } from '../../i18n/audit-texts.nb.ts';
import { auditActionsNn, auditPurposesNn, otherActionNn } from '../../i18n/audit-texts.nn.ts';

// Plain records, not i18next keys: the codes contain dots, which i18next would read as nesting.
const TEXTS: Record<
  Language,
  {
    actions: Record<string, string>;
    purposes: Record<string, string>;
    other: (code: string) => string;
  }
> = {
  nb: { actions: auditActionsNb, purposes: auditPurposesNb, other: otherActionNb },
  nn: { actions: auditActionsNn, purposes: auditPurposesNn, other: otherActionNn },
  en: { actions: auditActionsEn, purposes: auditPurposesEn, other: otherActionEn },
};

/**
 * The access log's sentences for audit codes in the current language. A code this version does not know (an
 * entry from a newer server) is still shown, with its code, so nothing is hidden from the person.
 */
export function useAuditTexts() {
  const { i18n } = useTranslation();
  const texts = TEXTS[isLanguage(i18n.language) ? i18n.language : 'nb'];
  return {
    action: (code: string) => (Object.hasOwn(texts.actions, code) ? texts.actions[code]! : texts.other(code)),
    purpose: (code: string | null) =>
      code === null ? null : Object.hasOwn(texts.purposes, code) ? texts.purposes[code]! : code,
  };
}
