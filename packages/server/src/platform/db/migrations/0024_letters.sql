-- Letters (issue 13, B1): a letter from a service unit (its staff or the municipality's EPJ) to a citizen, as an
-- uploaded PDF, with the channel decided at sending and the reason recorded (eForvaltningsforskriften § 8 and KRR's
-- 18-month rule, integrations.md §1.5, §2.1–2.2). KRR's answers are never stored: the decision keeps only its
-- outcome per reader (reserved, expired, …), never an address. Kept within PostgreSQL 15 and PGlite.
CREATE TABLE letters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  -- the citizen the letter is to (the principal); parents and proxies read it through representation
  person_id uuid NOT NULL REFERENCES persons(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
  -- vedtak and innkalling are important (eForvaltningsforskriften § 8 third paragraph); the rest ordinary
  importance text NOT NULL CHECK (importance IN ('important', 'ordinary')),
  filename text NOT NULL,
  content bytea NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  -- who sent it: a health worker (web) or the municipality's EPJ client (then the health worker it names, if any)
  sent_by_personnel_id uuid REFERENCES personnel(id),
  sent_by_client_id text,
  channel text NOT NULL CHECK (channel IN ('portal', 'print')),
  channel_reason text NOT NULL CHECK (channel_reason IN ('portal_active', 'krr_reserved', 'krr_not_registered',
    'krr_no_contact', 'krr_cannot_notify', 'krr_contact_expired', 'portal_never_used', 'deceased', 'no_reader')),
  -- each reader considered (the citizen, parents of a child) and the outcome for them; no contact details
  channel_details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- § 8: when the party (or someone entitled to act for them) first opened it, and who
  read_at timestamptz,
  read_by_person_id uuid REFERENCES persons(id),
  printed_at timestamptz,
  printed_by_personnel_id uuid REFERENCES personnel(id),
  CHECK (channel = 'print' OR printed_at IS NULL),
  CHECK ((read_at IS NULL) = (read_by_person_id IS NULL))
);
-- The citizen's letters, newest first; the unit's sent letters; its print list (queued, not yet printed).
CREATE INDEX letters_person_idx ON letters (person_id, created_at DESC);
CREATE INDEX letters_unit_idx ON letters (service_unit_id, created_at DESC);
CREATE INDEX letters_print_queue_idx ON letters (service_unit_id, created_at)
  WHERE channel = 'print' AND printed_at IS NULL;
