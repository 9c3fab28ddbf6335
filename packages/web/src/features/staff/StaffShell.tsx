import type { ReactNode } from 'react';
import { isServiceOffered, useMyServices } from '../../api/services-queries.ts';
import type { SignedInSession } from '../../components/RequireKind.tsx';
import { Shell } from '../../components/Shell.tsx';
import { SubNav, type SubNavLink } from '../../components/SubNav.tsx';
import { isMunicipalAdmin } from '../admin/AdminNav.tsx';
import { ADMIN_PATHS } from '../admin/paths.ts';
import { CARE_RELATIONS_PATH } from '../care-relations/CareRelationsLinkPanel.tsx';
import { STAFF_INBOX_PATH } from '../dialog/paths.ts';
import { MY_VISITS_PATH } from '../home-care/MyVisitsLinkPanel.tsx';
import { STAFF_LETTERS_PATH } from '../letters/paths.ts';
import { ploMessagesPath } from '../plo/paths.ts';
import { STAFF_CALENDAR_PATH } from '../staff-calendar/paths.ts';
import { STAFF_SUPPORT_PATH } from '../support/SupportLinkPanel.tsx';
import { STAFF_PATHS } from './paths.ts';

/** Whether the staff member leads at least one unit (and so keeps its dialog settings, "Min enhet"). */
export function leadsAUnit(session: SignedInSession): boolean {
  return session.user.roles.some((r) => r.role === 'unit_leader' && r.serviceUnitId);
}

/**
 * The staff workspace's pages a staff member can use: the same menu on every page, so a nurse going from her visits
 * to the inbox and back does not pass through the front page each time (issue 15). A page shows only where it
 * works: the municipality's services (until known, nothing it would have to take back), the message console for
 * message handlers, "Min enhet" for unit leaders, the administration for administrators.
 */
function useStaffLinks(session: SignedInSession): SubNavLink[] {
  const services = useMyServices();
  const has = (code: string) => isServiceOffered(services, code);
  const role = (r: string) => session.user.roles.some((x) => x.role === r);
  const links: (SubNavLink | false)[] = [
    { to: STAFF_PATHS.workspace, key: 'staffNav.overview', end: true },
    has('dialog') && { to: STAFF_INBOX_PATH, key: 'staffNav.inbox', end: false },
    has('appointments.view') && { to: MY_VISITS_PATH, key: 'staffNav.visits', end: false },
    has('appointments.view') && { to: STAFF_CALENDAR_PATH, key: 'staffNav.calendar', end: false },
    { to: CARE_RELATIONS_PATH, key: 'staffNav.careRelations', end: false },
    has('letters') && { to: STAFF_LETTERS_PATH, key: 'staffNav.letters', end: false },
    role('message_handler') && { to: ploMessagesPath(), key: 'staffNav.plo', end: false },
    leadsAUnit(session) && { to: STAFF_PATHS.myUnit, key: 'staffNav.myUnit', end: false },
    { to: STAFF_SUPPORT_PATH, key: 'staffNav.support', end: false },
    isMunicipalAdmin(session) && { to: ADMIN_PATHS.overview, key: 'staffNav.admin', end: false },
  ];
  return links.filter((l): l is SubNavLink => l !== false);
}

/** The frame of every staff workspace page outside the administration: the staff shell with the workspace's menu. */
export function StaffShell({ session, children }: { session: SignedInSession; children: ReactNode }) {
  const links = useStaffLinks(session);
  return (
    <Shell area="personnel" session={session} context={<SubNav labelKey="staffNav.label" links={links} />}>
      {children}
    </Shell>
  );
}
