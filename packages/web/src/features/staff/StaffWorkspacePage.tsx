import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from './StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { InboxPanel } from '../staff-inbox/InboxPanel.tsx';
import { CalendarLinkPanel } from '../staff-calendar/CalendarLinkPanel.tsx';
import { MyVisitsLinkPanel } from '../home-care/MyVisitsLinkPanel.tsx';
import { CareRelationsLinkPanel } from '../care-relations/CareRelationsLinkPanel.tsx';
import { PloConsoleLinkPanel } from '../plo/PloConsoleLinkPanel.tsx';
import { isServiceOffered, useMyServices } from '../../api/services-queries.ts';
import { AdminLinkPanel } from '../admin/AdminLinkPanel.tsx';
import { SupportLinkPanel } from '../support/SupportLinkPanel.tsx';
import { LettersLinkPanel } from '../letters/LettersLinkPanel.tsx';
import { CitizenLookup } from './CitizenLookup.tsx';
import { MyCitizens } from './MyCitizens.tsx';

/** `/ansatt`: the staff workspace shell. */
export function StaffWorkspacePage() {
  return <RequireKind kind="personnel">{(session) => <StaffWorkspace session={session} />}</RequireKind>;
}

function StaffWorkspace({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const { user } = session;
  useDocumentTitle(t('shell.personnel'));
  // The calendar (Timeavtaler), letters and the inbox (dialog) where the municipality has them active.
  const services = useMyServices();
  const has = (code: string) => isServiceOffered(services, code);
  return (
    <StaffShell session={session}>
      <PageHeading>{t('shell.personnel')}</PageHeading>
      <p className="hb-greeting">{t('staff.greeting', { name: user.displayName })}</p>
      <p className="hb-lead">
        {user.municipality ? t('staff.lead', { municipality: user.municipality.name }) : t('staff.leadNoMunicipality')}
      </p>

      <div className="hb-grid-staff hb-grid-staff--citizens">
        <CitizenLookup />
        <MyCitizens />
      </div>

      {has('appointments.view') && <MyVisitsLinkPanel />}
      {has('appointments.view') && <CalendarLinkPanel />}
      <CareRelationsLinkPanel />
      {has('letters') && <LettersLinkPanel />}
      <PloConsoleLinkPanel session={session} />
      <AdminLinkPanel session={session} />
      <SupportLinkPanel />

      <div className="hb-grid-staff">
        <section className="hb-panel" aria-labelledby="roles-heading">
          <h2 id="roles-heading" className="hb-panel__heading">
            {t('staff.rolesHeading')}
          </h2>
          {user.roles.length === 0 ? (
            <p>{t('staff.noRoles')}</p>
          ) : (
            <ul className="hb-roles">
              {user.roles.map((r) => (
                <li key={`${r.serviceUnitId ?? 'all'}:${r.role}`} className="hb-roles__item">
                  <span className="hb-roles__unit">{r.serviceUnitName ?? t('staff.wholeMunicipality')}</span>
                  <span className="hb-roles__role">
                    <span className="hb-visually-hidden">{t('staff.role')}: </span>
                    {t(`roles.${r.role}`, { defaultValue: humanize(r.role) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        {has('dialog') && <InboxPanel />}
      </div>
    </StaffShell>
  );
}

/** A role code the translations do not know yet, made readable: `home_care_nurse` → "Home care nurse". */
function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
