import {
  EVALUATION_MAX_DAYS,
  EVALUATION_MEASURES,
  EVALUATION_SERVICES,
  type EvaluationQuery,
  type EvaluationResponse,
  type EvaluationRow,
  type EvaluationService,
} from '@helsebro/contracts';
import { ForbiddenError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { workingDaysAfter } from '../../platform/time/working-days.ts';
import * as repo from './evaluation.repository.ts';

const HOUR_MS = 3_600_000;
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

type Figures = Map<string, Map<EvaluationService, Record<string, number | null>>>;

/** Every municipality × service with every measure at 0 (a median at null: nothing to take the middle of). */
function emptyFigures(municipalityIds: string[]): Figures {
  return new Map(
    municipalityIds.map((id) => [
      id,
      new Map(
        EVALUATION_SERVICES.map((service) => [
          service,
          Object.fromEntries(
            EVALUATION_MEASURES[service].map((m) => [m, m === 'median_response_hours' ? null : 0]),
          ) as Record<string, number | null>,
        ]),
      ),
    ]),
  );
}

/**
 * Writes measured values into the figures; a municipality outside the list (deleted filter race) is ignored.
 * @param figures - the table being filled
 * @param service - which service the values belong to
 * @param rows - one row per municipality, `municipality_id` and measure columns named as the measures
 */
function put(figures: Figures, service: EvaluationService, rows: Array<{ municipality_id: string }>): void {
  for (const row of rows) {
    const target = figures.get(row.municipality_id)?.get(service);
    if (!target) {
      continue;
    }
    for (const measure of EVALUATION_MEASURES[service]) {
      if (measure in row) {
        target[measure] = (row as unknown as Record<string, number | null>)[measure] ?? null;
      }
    }
  }
}

/**
 * Answered within the unit's promise when the first answer came no later than the promised number of Norwegian
 * working days after the day the citizen wrote (the promise the citizen was shown, dialog settings).
 */
function answerPromises(rows: Awaited<ReturnType<typeof repo.answerDays>>) {
  const byMunicipality = new Map<
    string,
    { answered_within_promise: number; answered_late: number; unanswered: number }
  >();
  for (const r of rows) {
    const t = byMunicipality.get(r.municipality_id) ?? { answered_within_promise: 0, answered_late: 0, unanswered: 0 };
    if (r.answered_on === null) {
      t.unanswered += r.n;
    } else if (r.answered_on <= workingDaysAfter(r.asked_on, Math.max(1, r.promise))) {
      t.answered_within_promise += r.n;
    } else {
      t.answered_late += r.n;
    }
    byMunicipality.set(r.municipality_id, t);
  }
  return [...byMunicipality].map(([municipality_id, t]) => ({ municipality_id, ...t }));
}

export type EvaluationFigures = ReturnType<typeof createEvaluationService>;

/**
 * The evaluation figures (seed 000 §7: KS and the operator evaluate the terms and the service together), per
 * municipality and service for a period of Oslo days, each an SQL aggregate over an index on (municipality, time).
 * @param platform - the store and the clock (the period's hours end now, not in the future)
 */
export function createEvaluationService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  return {
    async figures(ctx: RequestContext, query: EvaluationQuery): Promise<EvaluationResponse> {
      if (ctx.actor.kind !== 'operator') {
        throw new ForbiddenError('Bare driftsoperatøren ser evalueringstallene.', 'wrong_role');
      }
      if (query.to > addCalendarDays(query.from, EVALUATION_MAX_DAYS - 1)) {
        const message = `Velg en periode på høyst ${EVALUATION_MAX_DAYS} dager.`;
        throw new UnprocessableError(message, [{ path: 'to', message }], 'period_too_long');
      }
      const period: repo.Period = {
        from: startOfOsloDate(query.from),
        to: startOfOsloDate(addCalendarDays(query.to, 1)),
        municipalityId: query.municipalityId,
      };
      const municipalities = await repo.municipalitiesOf(db, period);
      const [portal, dialog, answers, medians, appointments, notices, feed] = await Promise.all([
        repo.portalUse(db, period),
        repo.dialogUse(db, period),
        repo.answerDays(db, period),
        repo.medianResponseHours(db, period),
        repo.appointmentUse(db, period),
        repo.noticeOutcomes(db, period),
        repo.feedHours(db, period),
      ]);
      const figures = emptyFigures(municipalities.map((m) => m.id));
      put(figures, 'portal', portal);
      put(figures, 'dialog', dialog);
      put(figures, 'dialog', answerPromises(answers));
      put(
        figures,
        'dialog',
        medians.map((m) => ({
          municipality_id: m.municipality_id,
          median_response_hours: m.median_hours === null ? null : oneDecimal(m.median_hours),
        })),
      );
      put(figures, 'appointments', appointments);
      put(
        figures,
        'notifications',
        notices.map((n) => ({ municipality_id: n.municipality_id, notices_sent: n.sent, notices_failed: n.failed })),
      );
      // Availability of the EPJ feed: the share of the period's hours (up to now) in which the municipality's EPJ
      // read the feed successfully. An EPJ polls every few seconds, so an hour without a read means the feed was
      // not available to it — our side down, or its side not polling (docs/architecture.md, support).
      const end = Math.min(period.to.getTime(), clock.now().getTime());
      const hours = Math.max(0, Math.ceil((end - period.from.getTime()) / HOUR_MS));
      for (const m of municipalities) {
        const target = figures.get(m.id)?.get('epj_feed');
        if (target) {
          target.hours_in_period = hours;
        }
      }
      put(
        figures,
        'epj_feed',
        feed.map((f) => ({
          ...f,
          availability_percent: hours === 0 ? null : oneDecimal((f.hours_with_reads / hours) * 100),
        })),
      );
      const rows: EvaluationRow[] = municipalities.flatMap((m) =>
        EVALUATION_SERVICES.map((service) => ({
          municipalityId: m.id,
          municipalityName: m.name,
          service,
          measures: { ...figures.get(m.id)?.get(service) },
        })),
      );
      return { from: query.from, to: query.to, rows };
    },
  };
}

/** The same figures as CSV (RFC 4180): one row per municipality × service × measure. */
export function evaluationCsv(figures: EvaluationResponse): string {
  // A text starting with = + - @ would be a formula in a spreadsheet (CSV injection): quoted with a leading '.
  const cell = (v: string, text: boolean) => {
    const safe = text && /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = ['from,to,municipality_id,municipality,service,measure,value'];
  for (const row of figures.rows) {
    for (const [measure, value] of Object.entries(row.measures)) {
      lines.push(
        [figures.from, figures.to, row.municipalityId, row.municipalityName, row.service, measure, value ?? '']
          .map((v) => cell(String(v), typeof v === 'string'))
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
