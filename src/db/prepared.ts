/**
 * Statements a running server sends on every request are prepared once per database (the SQL text is
 * not rebuilt each time, and PostgreSQL plans a named statement once per connection). Inside a
 * transaction (another Queryable) the statement is prepared for that transaction.
 */
import type { Queryable } from './client.js';

export function preparedFor<P>(cache: WeakMap<Queryable, P>, q: Queryable, prepare: (q: Queryable) => P): P {
  let prepared = cache.get(q);
  if (!prepared) {
    prepared = prepare(q);
    cache.set(q, prepared);
  }
  return prepared;
}
