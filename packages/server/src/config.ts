import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isoInstant } from '@helsebro/contracts';
import { z } from 'zod';

/**
 * Every setting Helsebro reads from the environment, parsed once at start.
 * A bad value stops the process with a message naming the variable (README "Configuration").
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  REAUTH_MAX_AGE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('helsebro-web'),
  OIDC_CLIENT_SECRET: z.string().min(16).optional(),
  DEV_IDP: boolish.optional(),
  WORKERS: boolish.default(true),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_EDI_PER_MINUTE: z.coerce.number().int().min(1).default(60_000),
  XML_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  XML_INLINE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(256 * 1024),
  XML_WORKER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  PLO_CREDENTIAL_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // Hours without an AppRec after which the monitor warns, before the standard's 96 h (plo/monitor).
  PLO_APPREC_ALERT_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'must be hours separated by commas, e.g. 2,24')
    .transform((v) => [...new Set(v.split(',').map(Number))].sort((a, b) => a - b))
    .refine((hours) => hours.every((h) => h > 0 && h < 96), 'each must be more than 0 and less than 96')
    .default([2, 24]),
  PLO_MONITOR_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Office hours (08–16 on working days) without a message from a partner before the monitor warns; 0 turns it off.
  PLO_PARTNER_SILENCE_HOURS: z.coerce.number().min(0).max(200).default(8),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'operators'])
    .transform((v) => (v === 'operators' ? v : v === 'true' || v === '1' || v === 'yes' ? 'all' : 'none'))
    .default('none'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Helsebro <ikke-svar@helsebro.no>'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{3,11}$/, 'must be 3–11 letters or digits')
    .default('Helsebro'),
  KRR_URL: z.url().optional(),
  KRR_TOKEN: z.string().min(1).optional(),
  // Development and tests only: the server's clock starts at this instant (see Config.devClockStart).
  DEV_CLOCK_START: isoInstant.transform((v) => new Date(v)).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** The address browsers use to reach this instance; OIDC redirect URIs derive from it. */
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Switching who you act for and giving a fullmakt need a login at most this old. */
  reauthMaxAgeMinutes: number;
  auditKey: string;
  auditSealIntervalMs: number;
  /**
   * The append-only file the sealer anchors the chain head in (platform/audit/checkpoint.ts): AUDIT_CHECKPOINT_FILE,
   * else `DATA_DIR/audit-checkpoints.jsonl`; null under NODE_ENV=test unless set, so tests never write into a
   * developer's data folder.
   */
  auditCheckpointFile: string | null;
  /** At most one checkpoint per this many milliseconds (0: after every sealing round that sealed something). */
  auditCheckpointIntervalMs: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; devIdp: boolean };
  workers: boolean;
  workerPollMs: number;
  /** Finished outbox jobs are deleted this many days after they finished; dead ones stay for the operator. */
  jobRetentionDays: number;
  /** ediPerMinute: requests to POST /edi/v1/messages a minute per partner credential (PLO message hub). */
  rateLimit: { loginPerMinute: number; publicPerMinute: number; ediPerMinute: number };
  /**
   * XML parse + validation off the event loop (platform/xml/xml-pool.ts): `workers` threads (XML_WORKERS, default
   * min(2, cores); 0 validates inline), documents up to `inlineMaxBytes` validated inline (XML_INLINE_MAX_BYTES),
   * and a thread that has not answered in `workerTimeoutMs` (XML_WORKER_TIMEOUT_MS) is replaced.
   */
  xml: { workers: number; inlineMaxBytes: number; workerTimeoutMs: number };
  /**
   * Key material for the tokens Helsebro presents to PLO partners (plo_outgoing_credentials): PLO_CREDENTIAL_KEY,
   * else AUDIT_KEY; the encryption key is derived from it with HKDF (modules/plo/send/outgoing-credentials.ts).
   */
  ploCredentialKey: string;
  /**
   * PLO monitoring (issue 14, plo/monitor): `appRecAlertHours` are the hours without an AppRec after which a sent
   * message raises a warning (PLO_APPREC_ALERT_HOURS, default 2 and 24; the standard's 96 h, when the message counts
   * as rejected, is fixed); the monitoring job runs every `intervalMs` (PLO_MONITOR_INTERVAL_SECONDS, default 60);
   * `partnerSilenceHours` are the office hours without a message from a partner that has sent us messages in the
   * last month before it warns of partner silence (PLO_PARTNER_SILENCE_HOURS, default 8; 0 turns it off).
   */
  ploMonitor: { appRecAlertHours: number[]; intervalMs: number; partnerSilenceHours: number };
  /**
   * SEED_DEMO: `all` the synthetic demo population; `operators` only the demo operators, so a store starts as a new
   * installation does (the onboarding journey; real installations add theirs with `npm run operator:add`); `none`.
   */
  seedDemo: 'all' | 'operators' | 'none';
  /**
   * Notices (A7). E-mail over SMTP and SMS through an HTTP gateway; outside production, a missing SMTP_URL or
   * SMS_GATEWAY_URL sends to the capture store instead. Contact details come from KRR at every dispatch.
   */
  notifications: {
    smtpUrl: string | null;
    mailFrom: string;
    smsGatewayUrl: string | null;
    smsSender: string;
    krrUrl: string | null;
    krrToken: string | null;
    captureUnconfigured: boolean;
  };
  /**
   * DEV_CLOCK_START: when set, the platform clock reads this instant when the process starts and runs forward in
   * real time from there (platform.ts `offsetClock`), so a journey can run on a chosen day and hour (a Saturday
   * morning) whatever the real date. Null: the system clock. Refused in production.
   */
  devClockStart: Date | null;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEV_SECRET = 'helsebro-development-only-secret-do-not-use-in-production';

/**
 * Parses the environment into a typed Config.
 * @param env - the variables to read, normally process.env
 * @throws ConfigError naming every variable with a bad value
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const missingInProduction = (['SESSION_SECRET', 'AUDIT_KEY', 'PUBLIC_URL'] as const).filter(
    (k) => production && !e[k],
  );
  if (missingInProduction.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n${missingInProduction.map((k) => `  ${k}: required in production`).join('\n')}`,
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(
    /\/$/,
    '',
  );
  const devIdp = e.DEV_IDP ?? !e.OIDC_ISSUER;
  if (!devIdp && !e.OIDC_ISSUER) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER: required when DEV_IDP=false');
  }
  if (production && devIdp) {
    throw new ConfigError(
      'Invalid configuration:\n  DEV_IDP: the development identity provider cannot run in production',
    );
  }
  // Every time rule (deadlines, sessions, what "today" is) would be wrong for real people.
  if (production && e.DEV_CLOCK_START) {
    throw new ConfigError(
      'Invalid configuration:\n  DEV_CLOCK_START: a set clock is for development and tests only, not production',
    );
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? DEV_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    reauthMaxAgeMinutes: e.REAUTH_MAX_AGE_MINUTES,
    auditKey: e.AUDIT_KEY ?? DEV_SECRET,
    auditSealIntervalMs: e.AUDIT_SEAL_INTERVAL_MS,
    auditCheckpointFile:
      e.AUDIT_CHECKPOINT_FILE ?? (e.NODE_ENV === 'test' ? null : join(e.DATA_DIR, 'audit-checkpoints.jsonl')),
    auditCheckpointIntervalMs: e.AUDIT_CHECKPOINT_INTERVAL_MS,
    oidc: {
      issuer: (e.OIDC_ISSUER ?? `${publicUrl}/idp`).replace(/\/$/, ''),
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET ?? `${DEV_SECRET}-client`,
      devIdp,
    },
    workers: e.WORKERS,
    workerPollMs: e.WORKER_POLL_MS,
    jobRetentionDays: e.JOB_RETENTION_DAYS,
    rateLimit: {
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      publicPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      ediPerMinute: e.RATE_LIMIT_EDI_PER_MINUTE,
    },
    xml: {
      workers: e.XML_WORKERS ?? Math.min(2, availableParallelism()),
      inlineMaxBytes: e.XML_INLINE_MAX_BYTES,
      workerTimeoutMs: e.XML_WORKER_TIMEOUT_MS,
    },
    ploCredentialKey: e.PLO_CREDENTIAL_KEY ?? e.AUDIT_KEY ?? DEV_SECRET,
    ploMonitor: {
      appRecAlertHours: e.PLO_APPREC_ALERT_HOURS,
      intervalMs: e.PLO_MONITOR_INTERVAL_SECONDS * 1000,
      partnerSilenceHours: e.PLO_PARTNER_SILENCE_HOURS,
    },
    seedDemo: e.SEED_DEMO,
    notifications: {
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      smsGatewayUrl: e.SMS_GATEWAY_URL ?? null,
      smsSender: e.SMS_SENDER,
      // The development KRR stand-in is served with the development IdP (src/modules/notifications/dev-krr.ts).
      krrUrl: e.KRR_URL ?? (devIdp ? `${publicUrl}/dev/krr/rest/v2/personer` : null),
      krrToken: e.KRR_TOKEN ?? null,
      captureUnconfigured: !production,
    },
    devClockStart: e.DEV_CLOCK_START ?? null,
  };
}
