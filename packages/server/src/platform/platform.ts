import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Db } from './db/client.ts';
import type { JobRegistry } from './jobs/registry.ts';

/** Clock injected everywhere time matters, so tests can move it. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/**
 * What every module gets from the platform: configuration, the store, the logger, the clock and the job registry
 * (modules register their outbox handlers there: `platform.jobs.register('notifications.send_sms', handler)`).
 */
export type Platform = {
  config: Config;
  database: Database;
  db: Db;
  logger: FastifyBaseLogger;
  clock: Clock;
  jobs: JobRegistry<Platform>;
};
