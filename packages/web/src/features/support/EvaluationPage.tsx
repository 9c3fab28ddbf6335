import type { EvaluationResponse, EvaluationService } from '@helsebro/contracts';
import { EVALUATION_MEASURES, EVALUATION_SERVICES } from '@helsebro/contracts/constants';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationParams } from '../../api/support-api.ts';
import { useEvaluation } from '../../api/support-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { OperatorPage } from '../operator/OperatorNav.tsx';

/** The measure each service's chart shows; the table beside it has them all. */
const HEADLINE: Record<EvaluationService, string> = {
  portal: 'active_citizens',
  dialog: 'messages_in',
  appointments: 'bookings',
  notifications: 'notices_sent',
  epj_feed: 'availability_percent',
};

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** `/drift/evaluering`: usage and reliability per municipality and service for a period (seed 000 §7), and its CSV. */
export function EvaluationPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('evaluation.title')}>{() => <Evaluation />}</OperatorPage>;
}

function Evaluation() {
  const { t } = useTranslation();
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29)));
  const [to, setTo] = useState(isoDay(today));
  const [municipalityId, setMunicipalityId] = useState('');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const filter = { from, to, municipalityId: municipalityId || undefined };
  const figures = useEvaluation(filter);
  // The filter lists the municipalities of the unfiltered answer, so choosing one keeps the others on offer.
  const all = useEvaluation({ from, to });
  const municipalities = [...new Map((all.data?.rows ?? []).map((r) => [r.municipalityId, r.municipalityName]))];
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('evaluation.lead')}</p>
      <form className="hb-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('evaluation.filters')}>
        <Input
          inputId="evaluation-from"
          type="date"
          label={t('evaluation.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <Input
          inputId="evaluation-to"
          type="date"
          label={t('evaluation.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          errorText={valid ? undefined : t('evaluation.badPeriod')}
        />
        <Select
          selectId="evaluation-municipality"
          label={t('evaluation.municipality')}
          value={municipalityId}
          onChange={(e) => setMunicipalityId(e.target.value)}
        >
          <option value="">{t('evaluation.allMunicipalities')}</option>
          {municipalities.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </form>
      {valid && (
        <p>
          <a href={`/api/operator/evaluation.csv?${evaluationParams(filter)}`} download>
            {t('evaluation.csv')}
          </a>
        </p>
      )}
      {!valid ? null : figures.isError ? (
        <ErrorPanel error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <Loading />
      ) : (
        EVALUATION_SERVICES.map((service) => <ServiceFigures key={service} service={service} data={figures.data} />)
      )}
      <p className="hb-small">{t('evaluation.definitions')}</p>
    </>
  );
}

function ServiceFigures({ service, data }: { service: EvaluationService; data: EvaluationResponse }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const rows = data.rows.filter((r) => r.service === service);
  const headline = HEADLINE[service];
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '–' : number(v));
  const heading = `evaluation-${service}`;
  return (
    <section aria-labelledby={heading} className="hb-section">
      <h2 id={heading} className="hb-section__heading">
        {t(`evaluation.services.${service}`)}
      </h2>
      <BarChart
        id={`chart-${service}`}
        title={t('evaluation.chartTitle', {
          measure: t(`evaluation.measures.${headline}`),
          service: t(`evaluation.services.${service}`),
        })}
        bars={rows.map((r) => ({ label: r.municipalityName, value: r.measures[headline] ?? 0 }))}
        format={number}
      />
      <div className="hb-table-scroll" role="region" aria-labelledby={`${heading}-caption`} tabIndex={0}>
        <table className="hb-table">
          <caption id={`${heading}-caption`}>
            {t('evaluation.tableCaption', { service: t(`evaluation.services.${service}`) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.municipality')}</th>
              {EVALUATION_MEASURES[service].map((m) => (
                <th key={m} scope="col">
                  {t(`evaluation.measures.${m}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.municipalityId}>
                <th scope="row">{r.municipalityName}</th>
                {EVALUATION_MEASURES[service].map((m) => (
                  <td key={m} data-measure={m}>
                    {value(r.measures[m])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const BAR_HEIGHT = 24;
const LABEL_WIDTH = 180;
const CHART_WIDTH = 640;

/**
 * Horizontal bars as inline SVG, readable without colour: each bar is hatched (a pattern, not a hue) and carries its
 * number as text at its end; `role="img"` with title and desc says the same to a screen reader.
 */
function BarChart({
  id,
  title,
  bars,
  format,
}: {
  id: string;
  title: string;
  bars: Array<{ label: string; value: number }>;
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const track = CHART_WIDTH - LABEL_WIDTH - 60;
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + 8) + 8;
  const desc = bars.map((b) => `${b.label}: ${format(b.value)}`).join('; ');
  return (
    <svg
      className="hb-svg-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: CHART_WIDTH }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1a4d6e" strokeWidth="3" />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const y = 8 + i * (BAR_HEIGHT + 8);
        const width = b.value === 0 ? 0 : Math.max(2, (b.value / max) * track);
        return (
          <g key={`${b.label}-${i}`}>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle" fontSize="14">
              {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={width}
              height={BAR_HEIGHT}
              fill={`url(#${id}-hatch)`}
              stroke="#1a4d6e"
              strokeWidth="1"
            />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize="14">
              {format(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
