import type { ReactNode } from 'react';

/**
 * The page's one h1. It takes focus after an in-app navigation (tabIndex -1), so screen reader users hear
 * where they arrived.
 */
export function PageHeading({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <h1 className="hb-page-heading" tabIndex={-1} id={id}>
      {children}
    </h1>
  );
}
