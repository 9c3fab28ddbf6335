import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Db } from './db/client.ts';
import type { JobRegistry } from './jobs/registry.ts';

/** Clock injected everywhere time matters, so tests can move it. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock set to `start` at the real instant `anchor` that then runs forward in real time (DEV_CLOCK_START, for
 * development and browser journeys): timeouts, expiry and the order of events behave as on the system clock, only
 * the day and hour are the chosen ones, so "today" can be a Saturday whatever day it really is.
 * @param start - what the clock reads at `anchor`
 * @param anchor - the real instant (epoch milliseconds) that `start` corresponds to, normally when the process started
 * @param realNow - the real time, in epoch milliseconds (tests pass their own)
 */
export function offsetClock(start: Date, anchor: number, realNow: () => number = Date.now): Clock {
  const offsetMs = start.getTime() - anchor;
  return { now: () => new Date(realNow() + offsetMs) };
}

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
