import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  notificationLevel,
  type CapturedNoticesResponse,
  type ContactDetailsResponse,
  type NotificationLanguage,
  type NotificationLevel,
  type NotificationPreferences,
} from '@helsebro/contracts';
import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditedRead, recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import {
  fullmakter,
  notificationCaptures,
  notificationNotices,
  notificationPreferences,
  parentalResponsibilities,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { systemContext, type RequestContext } from '../../platform/http/request-context.ts';
import { enqueue, type Job, type JobContext } from '../../platform/jobs/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { decide, loadPairFacts, osloDate } from '../representation/index.ts';
import { lookupKrr, type KrrContact } from './krr.client.ts';
import { sendNotice } from './senders.ts';
import { TEMPLATES, render } from './templates.ts';

export const DISPATCH_JOB = 'notifications.dispatch';
export const SEND_JOB = 'notifications.send';
/** A citizen wrote to a unit: e-mail the unit's functional address if the unit asked for it (A7, staff alerts). */
export const UNIT_ALERT_JOB = 'notifications.unit_alert';
/** A notice that keeps failing is dead after this many attempts and shows in the operator's job list. */
export const SEND_MAX_ATTEMPTS = 6;

const LEVEL_RANK: Record<NotificationLevel, number> = { limited: 0, normal: 1, full: 2 };

const dispatchPayload = z.object({
  eventKey: z.string().min(1),
  personId: z.uuid(),
  template: z.enum(Object.keys(TEMPLATES) as [keyof typeof TEMPLATES]),
  minLevel: notificationLevel,
});
const sendPayload = z.object({ noticeId: z.number().int() });
const unitAlertPayload = z.object({ eventKey: z.string().min(1), serviceUnitId: z.uuid() });

/** The unit's functional address when it wants an e-mail for each new citizen message, else null. */
async function unitAlertAddress(q: Queryable, unitId: string): Promise<string | null> {
  const [unit] = await q
    .select({ email: serviceUnits.functionalEmail, wanted: serviceUnits.alertByEmail })
    .from(serviceUnits)
    .where(eq(serviceUnits.id, unitId));
  return unit?.wanted && unit.email ? unit.email : null;
}

async function preferencesOf(q: Queryable, ids: string[]): Promise<Map<string, NotificationPreferences>> {
  const rows =
    ids.length > 0
      ? await q.select().from(notificationPreferences).where(inArray(notificationPreferences.personId, ids))
      : [];
  return new Map(
    ids.map((id) => {
      const r = rows.find((x) => x.personId === id);
      return [id, r ? { channel: r.channel, level: r.level, language: r.language } : DEFAULT_NOTIFICATION_PREFERENCES];
    }),
  );
}

/**
 * Who is told about an event for a citizen: the citizen and everyone who may read their messages today (parents
 * of a young child, fullmakt holders with Digitale helsetjenester), as the representation engine decides.
 */
export async function readersOf(q: Queryable, principalId: string, today: string): Promise<string[]> {
  const live = (from: typeof parentalResponsibilities | typeof fullmakter) =>
    and(lte(from.validFrom, today), or(isNull(from.validTo), gte(from.validTo, today)));
  const parents = await q
    .select({ id: parentalResponsibilities.parentId })
    .from(parentalResponsibilities)
    .where(and(eq(parentalResponsibilities.childId, principalId), live(parentalResponsibilities)));
  const holders = await q
    .select({ id: fullmakter.holderId })
    .from(fullmakter)
    .where(and(eq(fullmakter.giverId, principalId), isNull(fullmakter.endedAt), live(fullmakter)));
  const readers = [principalId];
  for (const id of new Set([...parents, ...holders].map((r) => r.id))) {
    const { population } = await loadPairFacts(q, id, principalId, today);
    const decision = decide(population, id, principalId, today);
    if (decision.allowed && decision.actions.includes('messages.read')) {
      readers.push(id);
    }
  }
  return readers;
}

const addressOf = (channel: 'sms' | 'email', c: KrrContact | null | undefined) =>
  (channel === 'email' ? c?.email : c?.mobile) ?? null;
const normalised = (channel: 'sms' | 'email', address: string) =>
  channel === 'email'
    ? address.trim().toLowerCase()
    : address.replace(/[^\d]/g, '').replace(/^(0047|47)(?=\d{8}$)/, '');

/**
 * Notifications (A7): preferences, and the two outbox jobs. `notifications.dispatch` decides who is told about an
 * event — the citizen and their readers whose level covers it — looks their contact details up in KRR, and queues
 * one `notifications.send` per distinct address (a proxy who registered the same phone or e-mail as the citizen
 * gets one notice, not two). `notifications.send` looks the address up again and sends. KRR's answers live only
 * in memory; our tables keep who was told, never where.
 */
export function createNotificationsService(platform: Pick<Platform, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = platform;
  const krr = (nins: string[], signal?: AbortSignal) => {
    if (!config.notifications.krrUrl) {
      throw new Error('no KRR_URL configured');
    }
    return lookupKrr(config.notifications.krrUrl, config.notifications.krrToken, nins, signal);
  };
  const ninsOf = async (q: Queryable, ids: string[]) =>
    new Map(
      (await q.select({ id: persons.id, nin: persons.nin }).from(persons).where(inArray(persons.id, ids))).map((r) => [
        r.id,
        r.nin,
      ]),
    );

  return {
    async getPreferences(ctx: RequestContext): Promise<NotificationPreferences> {
      const personId = ctx.actor.kind === 'citizen' ? ctx.actor.personId : '';
      return auditedRead(
        db,
        ctx,
        { action: 'notification_preferences.read', resourceType: 'person', subjectPersonId: personId },
        async (q) => (await preferencesOf(q, [personId])).get(personId)!,
      );
    },

    /**
     * The user's own contact details from KRR, for the preferences page to show read-only (integrations.md §1:
     * looked up when needed, not copied). A KRR that does not answer gives `unavailable`, not an error page.
     */
    async contactDetails(ctx: RequestContext): Promise<ContactDetailsResponse> {
      const personId = ctx.actor.kind === 'citizen' ? ctx.actor.personId : '';
      const nin = (await ninsOf(db, [personId])).get(personId);
      let contact: KrrContact | null | undefined;
      let reached = true;
      if (nin) {
        try {
          contact = (await krr([nin], AbortSignal.timeout(5_000))).get(nin);
        } catch {
          reached = false;
        }
      }
      // The addresses stay out of the audit entry (and the log); the entry says only that KRR was asked.
      await recordAudit(db, ctx, {
        action: 'krr.contact_details.read',
        resourceType: 'person',
        subjectPersonId: personId,
        details: { reached },
      });
      if (!reached) {
        return { source: 'krr', status: 'unavailable', email: null, mobile: null };
      }
      return contact
        ? { source: 'krr', status: 'found', email: contact.email, mobile: contact.mobile }
        : { source: 'krr', status: 'none', email: null, mobile: null };
    },

    async setPreferences(ctx: RequestContext, prefs: NotificationPreferences): Promise<NotificationPreferences> {
      const personId = ctx.actor.kind === 'citizen' ? ctx.actor.personId : '';
      if (ctx.actingForPersonId !== personId) {
        throw new ForbiddenError(
          'Varslingsvalg gjør du for deg selv. Bytt til deg selv først.',
          'proxy_cannot_manage_preferences',
        );
      }
      return db.transaction(async (tx) => {
        await tx
          .insert(notificationPreferences)
          .values({ personId, ...prefs })
          .onConflictDoUpdate({ target: notificationPreferences.personId, set: { ...prefs, updatedAt: sql`now()` } });
        await recordAudit(tx, ctx, {
          action: 'notification_preferences.update',
          resourceType: 'person',
          subjectPersonId: personId,
          details: prefs,
        });
        return prefs;
      });
    },

    async captured(limit = 100): Promise<CapturedNoticesResponse> {
      const rows = await db.select().from(notificationCaptures).orderBy(desc(notificationCaptures.id)).limit(limit);
      return { notices: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },

    /** The `notifications.dispatch` handler. Safe to repeat: (event, person) is claimed once. */
    async dispatch(job: Job, { signal }: JobContext<unknown>): Promise<void> {
      const p = dispatchPayload.parse(job.payload);
      const today = osloDate(clock.now());
      const readers = await readersOf(db, p.personId, today);
      const prefs = await preferencesOf(db, readers);
      const wanted = readers.filter((id) => LEVEL_RANK[prefs.get(id)!.level] >= LEVEL_RANK[p.minLevel]);
      if (wanted.length === 0) {
        return;
      }
      const nins = await ninsOf(db, wanted);
      const contacts = await krr([...nins.values()], signal);
      const seen = new Set<string>();
      const chosen: Array<{ personId: string; channel: 'sms' | 'email' }> = [];
      for (const id of wanted) {
        const channel = prefs.get(id)!.channel;
        const address = addressOf(channel, contacts.get(nins.get(id) ?? ''));
        if (!address || seen.has(`${channel}:${normalised(channel, address)}`)) {
          continue;
        }
        seen.add(`${channel}:${normalised(channel, address)}`);
        chosen.push({ personId: id, channel });
      }
      await db.transaction(async (tx) => {
        for (const c of chosen) {
          const [notice] = await tx
            .insert(notificationNotices)
            .values({ eventKey: p.eventKey, personId: c.personId, channel: c.channel, template: p.template })
            .onConflictDoNothing()
            .returning({ id: notificationNotices.id });
          if (notice) {
            await enqueue(tx, {
              kind: SEND_JOB,
              payload: { noticeId: notice.id },
              municipalityId: job.municipalityId,
              maxAttempts: SEND_MAX_ATTEMPTS,
            });
          }
        }
      });
    },

    /**
     * The `notifications.unit_alert` handler: one notice per event for a unit that asked for e-mail alerts. The
     * address is the unit's own functional address, not a person's, so KRR is not asked.
     */
    async unitAlert(job: Job): Promise<void> {
      const p = unitAlertPayload.parse(job.payload);
      if (!(await unitAlertAddress(db, p.serviceUnitId))) {
        return;
      }
      await db.transaction(async (tx) => {
        const [notice] = await tx
          .insert(notificationNotices)
          .values({
            eventKey: p.eventKey,
            serviceUnitId: p.serviceUnitId,
            channel: 'email',
            template: 'unit_new_message',
          })
          .onConflictDoNothing()
          .returning({ id: notificationNotices.id });
        if (notice) {
          await enqueue(tx, {
            kind: SEND_JOB,
            payload: { noticeId: notice.id },
            municipalityId: job.municipalityId,
            maxAttempts: SEND_MAX_ATTEMPTS,
          });
        }
      });
    },

    /** The `notifications.send` handler: looks the address up (in KRR for a person) again and sends. */
    async send(job: Job, { signal }: JobContext<unknown>): Promise<void> {
      const { noticeId } = sendPayload.parse(job.payload);
      const [notice] = await db.select().from(notificationNotices).where(eq(notificationNotices.id, noticeId));
      if (!notice || notice.state !== 'queued') {
        return;
      }
      if (notice.serviceUnitId) {
        // Looked up again at sending: a unit that turned alerts off meanwhile gets none.
        const to = await unitAlertAddress(db, notice.serviceUnitId);
        if (to) {
          const text = render(notice.template as keyof typeof TEMPLATES, 'nb');
          await sendNotice(db, config.notifications, { channel: 'email', to, ...text }, signal);
        }
        await db
          .update(notificationNotices)
          .set(to ? { state: 'sent', sentAt: sql`now()` } : { state: 'skipped' })
          .where(eq(notificationNotices.id, noticeId));
        return;
      }
      if (!notice.personId) {
        return;
      }
      const [pref] = [...(await preferencesOf(db, [notice.personId])).values()];
      const nins = await ninsOf(db, [notice.personId]);
      const nin = nins.get(notice.personId) ?? '';
      const address = addressOf(notice.channel, (await krr([nin], signal)).get(nin));
      if (!address) {
        await db.update(notificationNotices).set({ state: 'skipped' }).where(eq(notificationNotices.id, noticeId));
        return;
      }
      const language: NotificationLanguage = pref?.language ?? 'nb';
      const text = render(notice.template as keyof typeof TEMPLATES, language);
      await sendNotice(db, config.notifications, { channel: notice.channel, to: address, ...text }, signal);
      await db.transaction(async (tx) => {
        await tx
          .update(notificationNotices)
          .set({ state: 'sent', sentAt: sql`now()` })
          .where(eq(notificationNotices.id, noticeId));
        await recordAudit(tx, systemContext('notifications'), {
          action: 'notification.send',
          resourceType: 'notification',
          resourceId: String(noticeId),
          subjectPersonId: notice.personId,
          details: { channel: notice.channel, template: notice.template },
        });
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
