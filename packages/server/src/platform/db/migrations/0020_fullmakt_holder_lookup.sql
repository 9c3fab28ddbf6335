-- Issue 15: a citizen's name lookups before giving a fullmakt are limited per hour, counted in the audit log
-- (fullmakt.repository.ts countHolderLookups); this index keeps that count off the rest of the log.
CREATE INDEX audit_log_holder_lookup_idx ON audit_log (actor_id, occurred_at)
  WHERE action = 'fullmakt.holder_lookup';
