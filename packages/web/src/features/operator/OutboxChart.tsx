import type { JobState, JobsResponse } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

export const JOB_STATES: readonly JobState[] = ['ready', 'running', 'done', 'dead'];

/**
 * Jobs per state as horizontal bars: the shape tells at a glance whether anything is stuck or dead, and each
 * bar carries its number in text, so nothing depends on seeing the bar.
 */
export function OutboxChart({ counts }: { counts: JobsResponse['counts'] }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const max = Math.max(1, ...JOB_STATES.map((s) => counts[s]));
  const total = JOB_STATES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <figure className="hb-chart" aria-labelledby="chart-caption">
      <figcaption id="chart-caption" className="hb-chart__caption">
        <span className="hb-chart__title">{t('operator.chartHeading')}</span>
        <span className="hb-chart__total">{t('operator.total', { count: total })}</span>
      </figcaption>
      <ul className="hb-chart__bars">
        {JOB_STATES.map((state) => {
          const value = counts[state];
          const width = value === 0 ? 0 : Math.max(1.5, (value / max) * 100);
          return (
            <li key={state} className={`hb-chart__row hb-chart__row--${state}`} data-state={state}>
              <span className="hb-chart__label">{t(`jobState.${state}`)}</span>
              <span className="hb-chart__track" aria-hidden="true">
                <span className="hb-chart__bar" style={{ width: `${width}%` }} />
              </span>
              <span className="hb-chart__value" data-testid={`count-${state}`}>
                {number(value)}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
