import type { ActingFor, RepresentedAction } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { ACTION_AREA } from '@helsebro/contracts/constants';

/**
 * A part of Min side the representation does not cover, said plainly instead of left out: which service area it
 * needs, and why the user does not have it (the fullmakt's scope, or a child over 12).
 */
export function RefusedPanel({
  acting,
  action,
  heading,
}: {
  acting: ActingFor;
  action: RepresentedAction;
  heading: string;
}) {
  const { t } = useTranslation();
  const id = `refused-${action.replace(/\W/g, '-')}`;
  return (
    <section className="hb-panel hb-panel--refused" aria-labelledby={id} data-refused={action}>
      <h2 id={id} className="hb-panel__heading">
        {heading}
      </h2>
      <p className="hb-refused__label">{t('minSide.refusedTitle')}</p>
      <p>{refusalText(acting, action, t)}</p>
    </section>
  );
}

/**
 * Why the user may not do `action` for the person they act for, in the reader's language.
 * @param acting - whom the session acts for
 * @param action - the refused action
 * @param t - the translate function
 */
export function refusalText(
  acting: ActingFor,
  action: RepresentedAction,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const values = {
    name: acting.displayName,
    area: t(`areas.${ACTION_AREA[action]}.name`),
    action: t(`actions.${action}`),
  };
  switch (acting.basis) {
    case 'fullmakt':
      return t('minSide.refusedFullmakt', values);
    case 'parent':
      return t('minSide.refusedParent', values);
    case 'self':
      return t('minSide.refusedGeneric', values);
  }
}
