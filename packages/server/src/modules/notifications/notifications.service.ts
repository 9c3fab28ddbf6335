import {
  type CapturedNoticesResponse,
  type ContactDetailsResponse,
  type NotificationLanguage,
  type NotificationLevel,
  type NotificationPreferences,
} from '@helsebro/contracts';
import { auditedRead, recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { requireOwnPerson } from '../../platform/http/access.ts';
import { systemContext, type RequestContext } from '../../platform/http/request-context.ts';
import type { Job, JobContext } from '../../platform/jobs/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { decide, loadPairFacts, osloDate } from '../representation/index.ts';
import { dispatchPayload, queueSend, sendPayload, unitAlertPayload } from './jobs.ts';
import { lookupKrr, type KrrContact } from './krr.client.ts';
import {
  capturedNotices,
  claimNotice,
  markNotice,
  municipalityName,
  ninsOf,
  noticeById,
  preferencesOf,
  representativeCandidates,
  savePreferences,
  unitAlertAddress,
} from './notifications.repository.ts';
import { sendNotice } from './senders.ts';
import { render, type TemplateName } from './templates.ts';

const LEVEL_RANK: Record<NotificationLevel, number> = { limited: 0, normal: 1, full: 2 };

/**
 * Who is told about an event for a citizen: the citizen and everyone who may read their messages today (parents
 * of a young child, fullmakt holders with Digitale helsetjenester), as the representation engine decides.
 */
export async function readersOf(q: Queryable, principalId: string, today: string): Promise<string[]> {
  const readers = [principalId];
  for (const id of await representativeCandidates(q, principalId, today)) {
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

  return {
    async getPreferences(ctx: RequestContext): Promise<NotificationPreferences> {
      const personId = requireOwnPerson(ctx);
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
      const personId = requireOwnPerson(ctx);
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
      const personId = requireOwnPerson(ctx, 'Varslingsvalg gjør du for deg selv. Bytt til deg selv først.');
      return db.transaction(async (tx) => {
        await savePreferences(tx, personId, prefs);
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
      const rows = await capturedNotices(db, limit);
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
          const noticeId = await claimNotice(tx, { eventKey: p.eventKey, ...c, template: p.template });
          if (noticeId !== undefined) {
            await queueSend(tx, noticeId, job.municipalityId);
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
        const noticeId = await claimNotice(tx, {
          eventKey: p.eventKey,
          serviceUnitId: p.serviceUnitId,
          channel: 'email',
          template: 'unit_new_message',
        });
        if (noticeId !== undefined) {
          await queueSend(tx, noticeId, job.municipalityId);
        }
      });
    },

    /** The `notifications.send` handler: looks the address up (in KRR for a person) again and sends. */
    async send(job: Job, { signal }: JobContext<unknown>): Promise<void> {
      const { noticeId } = sendPayload.parse(job.payload);
      const notice = await noticeById(db, noticeId);
      if (!notice || notice.state !== 'queued') {
        return;
      }
      if (notice.serviceUnitId) {
        // Looked up again at sending: a unit that turned alerts off meanwhile gets none.
        const to = await unitAlertAddress(db, notice.serviceUnitId);
        if (to) {
          const text = render(notice.template as TemplateName, 'nb');
          await sendNotice(db, config.notifications, { channel: 'email', to, ...text }, signal);
        }
        await markNotice(db, noticeId, to ? 'sent' : 'skipped');
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
        await markNotice(db, noticeId, 'skipped');
        return;
      }
      const language: NotificationLanguage = pref?.language ?? 'nb';
      const sender = notice.template === 'letter_received' ? await municipalityName(db, job.municipalityId) : null;
      const text = render(notice.template as TemplateName, language, sender ? { sender } : {});
      await sendNotice(db, config.notifications, { channel: notice.channel, to: address, ...text }, signal);
      await db.transaction(async (tx) => {
        await markNotice(tx, noticeId, 'sent');
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
