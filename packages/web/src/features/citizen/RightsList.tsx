import type { RepresentedAction, ServiceArea } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';
import { SERVICE_AREAS } from '@helsebro/contracts/constants';
import { actionsInArea } from './rights.ts';

/**
 * The service areas a representation covers, each with what it means in plain words; an area held only in part
 * (a parent of a 12–16-year-old) lists what is left.
 */
export function RightsList({
  areas,
  actions,
}: {
  areas: readonly ServiceArea[];
  actions: readonly RepresentedAction[];
}) {
  const { t } = useTranslation();
  const { list } = useFormatters();
  const shown = SERVICE_AREAS.filter((area) => areas.includes(area));
  return (
    <ul className="hb-rights">
      {shown.map((area) => {
        const { granted, complete } = actionsInArea(actions, area);
        return (
          <li key={area} className="hb-rights__item">
            <span className="hb-rights__area">{t(`areas.${area}.name`)}</span>
            <span className="hb-rights__text">
              {complete || granted.length === 0
                ? t(`areas.${area}.text`)
                : t('areas.only', { list: list(granted.map((a) => t(`actions.${a}`))) })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
