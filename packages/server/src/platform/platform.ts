import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database, Db } from './db/client.ts';

/** Clock injected everywhere time matters, so tests can move it. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What every module gets from the platform: configuration, the store, the logger and the clock. */
export type Platform = {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  clock: Clock;
};
