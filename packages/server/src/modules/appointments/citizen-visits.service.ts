import type { CompletedVisitsResponse, VisitNoticePreference } from '@helsebro/contracts';
import { auditedRead } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { requireAction, requireOwnPerson } from '../../platform/http/access.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { preferencesOf } from '../notifications/index.ts';
import { RuleError } from './appointments.errors.ts';
import { auditedWrite } from './shared.ts';
import { hasVisitNoticeOptIn, setVisitNoticeOptIn, visitsOfPerson } from './visits.repository.ts';
import { unitsWithActiveService } from '../services/index.ts';

/** The opt-in to visit notices is the person's own choice, like their notification preferences. */
const OWN_CHOICE = 'Varsel om utførte besøk velger du for deg selv. Bytt til deg selv først.';

/** The person's opt-in to a notice for each completed visit, which counts only while their level is full. */
async function noticePreference(q: Queryable, personId: string): Promise<VisitNoticePreference> {
  const prefs = (await preferencesOf(q, [personId])).get(personId)!;
  const optedIn = await hasVisitNoticeOptIn(q, personId);
  return {
    optIn: optedIn && prefs.level === 'full',
    level: prefs.level,
    channel: prefs.channel,
    available: prefs.level === 'full',
  };
}

/** Whether a person opted in to completed-visit notices (and still has level full). */
export async function wantsVisitNotice(q: Queryable, personId: string): Promise<boolean> {
  return (await noticePreference(q, personId)).optIn;
}

/**
 * The citizen's completed home visits (A6), and their own opt-in to a notice for each.
 */
export function createCitizenVisitsService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;

  return {
    async completedVisits(
      ctx: RequestContext,
      query: { from?: string; to?: string },
    ): Promise<CompletedVisitsResponse> {
      const { principalId } = requireAction(ctx, 'home_visits.read');
      const visits = await auditedRead(
        db,
        ctx,
        { action: 'completed_visit.list', resourceType: 'completed_visit', subjectPersonId: principalId },
        async (q) => {
          const all = await visitsOfPerson(q, principalId, {
            ...(query.from ? { from: startOfOsloDate(query.from) } : {}),
            ...(query.to ? { to: startOfOsloDate(addCalendarDays(query.to, 1)) } : {}),
          });
          // Only units whose municipality has "completed home visits" active (seed 000 §5.1).
          const shown = await unitsWithActiveService(
            q,
            all.map((v) => v.unit.id),
            'home_visits.completed',
          );
          return all.filter((v) => shown.has(v.unit.id));
        },
      );
      return { visits };
    },

    async visitNotices(ctx: RequestContext): Promise<VisitNoticePreference> {
      const personId = requireOwnPerson(ctx, OWN_CHOICE);
      return auditedRead(
        db,
        ctx,
        { action: 'visit_notice_preference.read', resourceType: 'person', subjectPersonId: personId },
        (q) => noticePreference(q, personId),
      );
    },

    async setVisitNotices(ctx: RequestContext, optIn: boolean): Promise<VisitNoticePreference> {
      const personId = requireOwnPerson(ctx, OWN_CHOICE);
      return auditedWrite(
        db,
        ctx,
        {
          action: 'visit_notice_preference.update',
          resourceType: 'person',
          subjectPersonId: personId,
          details: { optIn },
        },
        async (tx) => {
          const current = await noticePreference(tx, personId);
          if (optIn && !current.available) {
            throw new RuleError(
              'notice_level_not_full',
              'Varsel om utførte besøk krever varslingsnivå «Full». Endre varslingsnivået først.',
            );
          }
          await setVisitNoticeOptIn(tx, personId, optIn);
          return { result: { ...current, optIn } };
        },
      );
    },
  };
}
