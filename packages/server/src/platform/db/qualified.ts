import { Column, getTableName, is, sql, type SQL } from 'drizzle-orm';

/**
 * A column named with its table, for a correlated subquery written as SQL: drizzle leaves a column bare in a
 * select from one table, and a bare `"id"` inside `(SELECT … FROM hospital_admissions h WHERE h.person_id = "id")`
 * names the subquery's own column.
 * @param c - a column of a table (not of an alias), or SQL passed through
 */
export const qualified = (c: Column | SQL): SQL =>
  is(c, Column) ? sql`${sql.identifier(getTableName(c.table))}.${sql.identifier(c.name)}` : c;
