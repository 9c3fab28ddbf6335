import type { ActingFor, CareRelationItem } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useHealthContacts } from '../../api/citizen-queries.ts';
import { useDialogUnits } from '../../api/dialog-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { formatPhone, telHref } from '../appointments/appointment-format.ts';
import { newMessageToUnitPath } from '../dialog/paths.ts';
import { RefusedPanel } from './RefusedPanel.tsx';
import { may } from './rights.ts';

/** The municipal services the person receives now, with whom to contact (area "Digitale helsetjenester"). */
export function HealthContactsPanel({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const { list } = useFormatters();
  const allowed = may(acting, 'health_contacts.read');
  const contacts = useHealthContacts(allowed);
  // Whether each unit takes messages (A4); without the dialog's rights the line is left out.
  const units = useDialogUnits(allowed && may(acting, 'messages.read'));
  const openUnits = units.data ? new Set(units.data.units.filter((u) => u.openForDialog).map((u) => u.id)) : null;
  const canWrite = may(acting, 'messages.send');
  const heading = t('minSide.contactsHeading');
  if (!allowed) {
    return <RefusedPanel acting={acting} action="health_contacts.read" heading={heading} />;
  }
  return (
    <section className="hb-panel" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" className="hb-panel__heading">
        {heading}
      </h2>
      {contacts.isPending ? (
        <Loading />
      ) : contacts.isError ? (
        <ErrorPanel error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : (
        <>
          {contacts.data.current.length === 0 ? (
            <p>{t('minSide.contactsEmpty')}</p>
          ) : (
            <ul className="hb-contacts">
              {contacts.data.current.map((relation) => (
                <Contact
                  key={relation.id}
                  relation={relation}
                  takesMessages={openUnits ? openUnits.has(relation.serviceUnit.id) : null}
                  canWrite={canWrite}
                />
              ))}
            </ul>
          )}
          {contacts.data.former.length > 0 && (
            <p className="hb-hint">
              {t('minSide.contactsFormer', {
                units: list([...new Set(contacts.data.former.map((r) => r.serviceUnit.name))]),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * One current contact.
 * @param takesMessages - whether the unit is open for digital dialog; null while unknown
 * @param canWrite - whether the user may write for the person (self, or a representation with messages.send)
 */
function Contact({
  relation,
  takesMessages,
  canWrite,
}: {
  relation: CareRelationItem;
  takesMessages: boolean | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const unit = relation.serviceUnit;
  return (
    <li className="hb-contacts__item">
      <p className="hb-contacts__unit">{unit.name}</p>
      <p className="hb-hint">
        {relation.municipality.name} · {t('minSide.since', { date: date(relation.validFrom) })}
      </p>
      <dl className="hb-contacts__facts">
        {relation.primaryContact && (
          <div>
            <dt>{t('minSide.primaryContact')}</dt>
            <dd>{relation.primaryContact.displayName}</dd>
          </div>
        )}
        {relation.coordinator && (
          <div>
            <dt>{t('minSide.coordinator')}</dt>
            <dd>{relation.coordinator.displayName}</dd>
          </div>
        )}
        {unit.phone && (
          <div>
            <dt>{t('minSide.phone')}</dt>
            <dd>
              <a href={telHref(unit.phone)}>{formatPhone(unit.phone)}</a>
            </dd>
          </div>
        )}
        {unit.email && (
          <div>
            <dt>{t('minSide.email')}</dt>
            <dd>
              <a href={`mailto:${unit.email}`}>{unit.email}</a>
            </dd>
          </div>
        )}
      </dl>
      {takesMessages !== null && (
        <div className="hb-contacts__dialog">
          <p className={takesMessages ? 'hb-contacts__open' : 'hb-hint'}>
            {takesMessages ? t('contactsDialog.takesMessages') : t('contactsDialog.noMessages')}
          </p>
          {takesMessages && canWrite && (
            <ButtonLink href={newMessageToUnitPath(unit.id)} variant="outline" size="medium">
              {t('contactsDialog.write', { unit: unit.name })}
            </ButtonLink>
          )}
        </div>
      )}
    </li>
  );
}
