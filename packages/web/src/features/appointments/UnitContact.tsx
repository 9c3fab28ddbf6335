import type { CitizenAppointment } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { formatPhone, telHref } from './appointment-format.ts';

/** "Ring Vaksinasjonskontoret på +47 77 70 30 00 (Hverdager 08–15:30)": whom to call when the web cannot help. */
export function UnitContact({ unit }: { unit: CitizenAppointment['unit'] }) {
  const { t } = useTranslation();
  if (!unit.phone) {
    return <p className="hb-appt__call">{t('appointments.callNoPhone', { unit: unit.name })}</p>;
  }
  return (
    <p className="hb-appt__call">
      {t('appointments.callBefore', { unit: unit.name })}{' '}
      <a href={telHref(unit.phone)} className="hb-appt__phone">
        {formatPhone(unit.phone)}
      </a>
      {unit.openingHours && <> ({unit.openingHours})</>}
    </p>
  );
}
