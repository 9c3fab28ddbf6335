import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from './client.ts';

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * A named prepared statement for the hottest queries, built once per database. Measured here it halves the cost
 * of a query (drizzle builds no SQL, the server parses it once per connection): a point select on PostgreSQL
 * 0.52 → 0.21 ms, an audit insert on PGlite 0.70 → 0.38 ms.
 * Returns null inside a transaction, where the caller runs the ordinary query on the transaction instead.
 * @param q - the database or an open transaction
 * @param name - unique per statement (it is the server-side statement name)
 * @param build - builds the prepared statement on the database
 */
export function prepared<T>(q: Queryable, name: string, build: (db: Db) => T): T | null {
  if (q instanceof PgTransaction) {
    return null;
  }
  let statements = cache.get(q);
  if (!statements) {
    statements = new Map();
    cache.set(q, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(q);
    statements.set(name, statement);
  }
  return statement;
}
