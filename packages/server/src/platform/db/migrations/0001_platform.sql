-- Platform foundation: municipalities, the synthetic population and personnel registers, sessions,
-- the hash-chained audit log and the transactional outbox. SQL kept within PostgreSQL 15 (Debian's server)
-- so the same file runs on PGlite (PostgreSQL 18) and on a PostgreSQL server.

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number char(4) NOT NULL UNIQUE CHECK (number ~ '^[0-9]{4}$'),
  name text NOT NULL,
  org_number char(9) NOT NULL UNIQUE CHECK (org_number ~ '^[0-9]{9}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Municipal table: carries municipality_id; every repository query filters on it.
CREATE TABLE service_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('home_care', 'health_station', 'emergency_ward', 'vaccination', 'allocation_office', 'other')),
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, name)
);
CREATE INDEX service_units_municipality_idx ON service_units (municipality_id);

-- A subset of the population register (national, so not a municipal table). Identity numbers are text:
-- leading zeros matter.
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nin text NOT NULL UNIQUE CHECK (nin ~ '^[0-9]{11}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  municipality_id uuid REFERENCES municipalities(id),
  street_address text,
  postal_code text,
  postal_place text,
  address_protection text NOT NULL DEFAULT 'none' CHECK (address_protection IN ('none', 'confidential', 'strictly_confidential')),
  deceased_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_municipality_idx ON persons (municipality_id);

CREATE TABLE personnel (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nin text NOT NULL UNIQUE CHECK (nin ~ '^[0-9]{11}$'),
  hpr_number text UNIQUE CHECK (hpr_number ~ '^[0-9]{6,9}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Municipal table.
CREATE TABLE personnel_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  personnel_id uuid NOT NULL REFERENCES personnel(id),
  service_unit_id uuid REFERENCES service_units(id),
  role text NOT NULL CHECK (role IN ('nurse', 'health_worker', 'physician', 'unit_leader', 'message_handler', 'municipal_admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (personnel_id, service_unit_id, role)
);
CREATE INDEX personnel_roles_municipality_idx ON personnel_roles (municipality_id);

-- The platform operator's staff (the role Norsk Helsenett plays nationally).
CREATE TABLE operators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nin text NOT NULL UNIQUE CHECK (nin ~ '^[0-9]{11}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions: the cookie carries a random token, the table its SHA-256, so a leaked table
-- cannot be replayed as cookies. Stored in the database so any instance can serve any request.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('citizen', 'personnel', 'operator')),
  person_id uuid REFERENCES persons(id),
  personnel_id uuid REFERENCES personnel(id),
  operator_id uuid REFERENCES operators(id),
  municipality_id uuid REFERENCES municipalities(id),
  acting_for_person_id uuid REFERENCES persons(id),
  csrf_token text NOT NULL,
  id_token text,
  acr text,
  auth_time timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Audit log (Normen; pasientjournalloven § 22 / helsepersonelloven § 21a: every access is logged).
-- Requests insert unsealed rows (seq NULL) in their own transaction, so the entry is durable before the
-- answer; one sealer at a time (it locks audit_chain_head) numbers them and chains each to the previous
-- with an HMAC, so no request waits for the chain.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  request_id text,
  actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'personnel', 'operator', 'system', 'partner', 'anonymous')),
  actor_id text,
  acting_for_person_id uuid,
  subject_person_id uuid,
  municipality_id uuid,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  purpose text,
  emergency boolean NOT NULL DEFAULT false,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  seq bigint UNIQUE,
  prev_hash text,
  hash text
);
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seq IS NULL;
CREATE INDEX audit_log_subject_idx ON audit_log (subject_person_id, occurred_at DESC);

CREATE TABLE audit_chain_head (
  id int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, 'genesis');

-- Append-only: content can never change; the seal (seq, prev_hash, hash) is written once.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF OLD.seq IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
     OR NEW.request_id IS DISTINCT FROM OLD.request_id
     OR NEW.actor_kind IS DISTINCT FROM OLD.actor_kind
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
     OR NEW.acting_for_person_id IS DISTINCT FROM OLD.acting_for_person_id
     OR NEW.subject_person_id IS DISTINCT FROM OLD.subject_person_id
     OR NEW.municipality_id IS DISTINCT FROM OLD.municipality_id
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.resource_type IS DISTINCT FROM OLD.resource_type
     OR NEW.resource_id IS DISTINCT FROM OLD.resource_id
     OR NEW.purpose IS DISTINCT FROM OLD.purpose
     OR NEW.emergency IS DISTINCT FROM OLD.emergency
     OR NEW.outcome IS DISTINCT FROM OLD.outcome
     OR NEW.details IS DISTINCT FROM OLD.details THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

-- Transactional outbox: a job is inserted in the transaction that decided it, so a crash loses nothing.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  municipality_id uuid REFERENCES municipalities(id),
  state text NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'running', 'done', 'dead')),
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 8 CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (run_at) WHERE state = 'ready';
CREATE INDEX jobs_running_idx ON jobs (locked_until) WHERE state = 'running';
CREATE INDEX jobs_state_idx ON jobs (state, updated_at DESC);
