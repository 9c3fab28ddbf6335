import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { Shell } from '../../components/Shell.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { OPERATOR_PATHS } from './paths.ts';

const LINKS = [
  { to: OPERATOR_PATHS.overview, key: 'operatorNav.overview', end: true },
  { to: OPERATOR_PATHS.municipalities, key: 'operatorNav.municipalities', end: false },
  { to: OPERATOR_PATHS.epjProducts, key: 'operatorNav.epjProducts', end: false },
  { to: OPERATOR_PATHS.populationRegister, key: 'operatorNav.populationRegister', end: false },
  { to: OPERATOR_PATHS.terms, key: 'operatorNav.terms', end: false },
  { to: OPERATOR_PATHS.windDown, key: 'operatorNav.windDown', end: false },
  { to: OPERATOR_PATHS.support, key: 'operatorNav.support', end: false },
  { to: OPERATOR_PATHS.evaluation, key: 'operatorNav.evaluation', end: false },
  { to: OPERATOR_PATHS.addressRegister, key: 'addressRegister.nav', end: false },
] as const;

/** The operator console's pages; the current one is marked (aria-current). */
export function OperatorNav() {
  return <SubNav labelKey="operatorNav.label" links={LINKS} />;
}

/**
 * The frame of every operator page: operators only, the operator shell with the console's menu, the page's title
 * and h1. Usage: `<OperatorPage title={t('x.title')}>{(session) => <Content />}</OperatorPage>`.
 * @param title - the page's name (document title and h1), already translated; while it is not known yet (a
 *   record still loading) pass the section's name
 */
export function OperatorPage({
  title,
  children,
}: {
  title: string;
  children: (session: SignedInSession) => ReactNode;
}) {
  return (
    <RequireKind kind="operator">
      {(session) => (
        <Shell area="operator" session={session} context={<OperatorNav />}>
          <Titled title={title} />
          {children(session)}
        </Shell>
      )}
    </RequireKind>
  );
}

function Titled({ title }: { title: string }) {
  useDocumentTitle(title);
  return <PageHeading>{title}</PageHeading>;
}
