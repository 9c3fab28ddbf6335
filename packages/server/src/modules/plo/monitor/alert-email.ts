import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import type { Job, JobContext } from '../../../platform/jobs/index.ts';
import type { Clock } from '../../../platform/platform.ts';
import { sendNotice } from '../../notifications/index.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import * as repo from './alerts.repository.ts';
import { alertEmailPayload } from './monitor.job.ts';

/** The alert kinds as the e-mail names them (Norwegian: the message-responsible address is an organisation's). */
export const ALERT_KIND_NAMES: Record<repo.AlertKind, string> = {
  apprec_missing: 'Sendt melding uten applikasjonskvittering',
  apprec_timeout: 'Ingen applikasjonskvittering etter 96 timer – meldingen regnes som avvist',
  apprec_negative: 'Negativ applikasjonskvittering (meldingen er avvist av mottakeren)',
  delivery_failed: 'Meldingen kunne ikke leveres til mottakeren',
  partner_silent: 'Ingen meldinger fra samarbeidspartneren i arbeidstiden',
};

/** Where the console shows one alert (the web's route). */
export const alertPath = (id: string) => `/ansatt/meldinger/varsler/${id}`;

/**
 * The e-mail about an alert. It says that there is an alert and of which kind, and links to it in the console
 * (ours) or names whom to contact (the partner's, who cannot log in here) — never a patient, a message's content,
 * its type or its id: e-mail travels outside the health network.
 */
export function alertEmail(
  kind: repo.AlertKind,
  to: 'ours' | 'partner',
  opts: { publicUrl: string; alertId: string; ourOrganisation: string; ourContact: string | null },
): { subject: string; text: string } {
  const name = ALERT_KIND_NAMES[kind];
  if (to === 'ours') {
    return {
      subject: `Varsel i meldingskonsollen: ${name}`,
      text: [
        'Det er et nytt varsel om PLO-meldinger i meldingskonsollen på Helsebro.',
        '',
        `Varsel: ${name}`,
        `Se varselet og hva dere bør gjøre: ${opts.publicUrl}${alertPath(opts.alertId)}`,
        '',
        'Du får denne e-posten fordi adressen er meldingsansvarlig i adresseregisteret. Den inneholder ingen',
        'pasientopplysninger; logg inn for å se varselet.',
      ].join('\n'),
    };
  }
  return {
    subject: `Varsel om PLO-meldinger fra ${opts.ourOrganisation}: ${name}`,
    text: [
      kind === 'partner_silent'
        ? `${opts.ourOrganisation} har ikke mottatt PLO-meldinger fra dere på en stund. Sjekk at utsendingen deres går.`
        : `${opts.ourOrganisation} har et varsel om PLO-meldinger sendt til dere.`,
      '',
      `Varsel: ${name}`,
      opts.ourContact
        ? `Ta kontakt med meldingsansvarlig hos ${opts.ourOrganisation}: ${opts.ourContact}.`
        : `Ta kontakt med meldingsansvarlig hos ${opts.ourOrganisation}.`,
      '',
      'Du får denne e-posten fordi adressen er meldingsansvarlig i adresseregisteret. Den inneholder ingen',
      'pasientopplysninger.',
    ].join('\n'),
  };
}

/**
 * The `plo.alert_email` handler: e-mails one side's message-responsible address (D9) about an alert, looked up in
 * the address register when sending (the service's own, else its organisation's), over SMTP with the notifications
 * module's sender. An alert already e-mailed to that side, or with no address to go to, is left alone; a failure
 * throws, so the outbox retries. The recipient's address is not stored or logged: only that it was sent.
 * @param deps - the address register and the settings for SMTP and the link
 */
export function alertEmailHandler(deps: {
  db: Db;
  register: AddressRegister;
  clock: Clock;
  config: Pick<Config, 'notifications' | 'publicUrl'>;
}) {
  const { db, register, clock, config } = deps;
  return async (job: Job, { signal }: JobContext<unknown>): Promise<void> => {
    const { alertId, to } = alertEmailPayload.parse(job.payload);
    const alert = await repo.alertForEmail(db, alertId);
    if (!alert || (to === 'ours' ? alert.emailOurs : alert.emailPartner) !== 'queued') {
      return;
    }
    const ours = await register.byId(alert.partyId);
    const ourOrganisation = ours ? await register.organisationOf(ours) : undefined;
    const recipient = to === 'ours' ? ours : alert.partnerPartyId ? await register.byId(alert.partnerPartyId) : null;
    const address = recipient ? await register.responsibleOf(recipient) : null;
    if (!address?.email) {
      await repo.markEmail(db, alertId, to, 'no_address', clock.now());
      return;
    }
    const ourContact = ours ? await register.responsibleOf(ours) : null;
    const { subject, text } = alertEmail(alert.kind, to, {
      publicUrl: config.publicUrl,
      alertId,
      ourOrganisation: ourOrganisation?.name ?? 'Helsebro',
      ourContact: ourContact?.email ?? null,
    });
    await sendNotice(db, config.notifications, { channel: 'email', to: address.email, subject, text }, signal);
    await db.transaction(async (tx) => {
      await repo.markEmail(tx, alertId, to, 'sent', clock.now());
      await recordAudit(tx, systemContext('plo.alert_email'), {
        action: 'plo_alert.email',
        resourceType: 'plo_alert',
        resourceId: alertId,
        details: { kind: alert.kind, to },
      });
    });
  };
}
