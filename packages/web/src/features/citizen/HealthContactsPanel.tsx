import type { ActingFor, CareRelationItem } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useHealthContacts } from '../../api/citizen-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { RefusedPanel } from './RefusedPanel.tsx';
import { may } from './rights.ts';

/** The municipal services the person receives now, with whom to contact (area "Digitale helsetjenester"). */
export function HealthContactsPanel({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const { list } = useFormatters();
  const allowed = may(acting, 'health_contacts.read');
  const contacts = useHealthContacts(allowed);
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
                <Contact key={relation.id} relation={relation} />
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

function Contact({ relation }: { relation: CareRelationItem }) {
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
              <a href={`tel:${unit.phone.replace(/\s/g, '')}`}>{unit.phone}</a>
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
    </li>
  );
}
