-- Support routing (seed 000 §5.1, "Til punkt 6.3.2 Tjenestenivå") and evaluation (§7), issue 12. Kept within
-- PostgreSQL 15 and PGlite.

-- The EPJ vendor's support contact, shown with a request about the EPJ's functions (all three or none).
ALTER TABLE epj_products
  ADD COLUMN support_name text CHECK (length(support_name) BETWEEN 1 AND 200),
  ADD COLUMN support_email text CHECK (length(support_email) BETWEEN 3 AND 254),
  ADD COLUMN support_phone text CHECK (length(support_phone) BETWEEN 8 AND 20),
  ADD CONSTRAINT epj_products_support_check CHECK (
    (support_name IS NULL) = (support_email IS NULL) AND (support_name IS NULL) = (support_phone IS NULL));

-- Municipal: the municipality's ICT operations vendor, who answers questions about the EPJ's technical operation.
CREATE TABLE ict_operations_vendors (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  phone text NOT NULL CHECK (length(phone) BETWEEN 8 AND 20),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by_personnel_id uuid NOT NULL REFERENCES personnel(id)
);

-- Municipal: a support request filed by staff. Where it went and the recipient's contact are copied at filing, so
-- the request keeps showing whom it was sent to after the municipality changes vendor.
CREATE TABLE support_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid REFERENCES service_units(id),
  category text NOT NULL CHECK (category IN ('epj_operation', 'epj_function', 'platform')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  routed_to text NOT NULL CHECK (routed_to IN ('ict_operations_vendor', 'epj_vendor', 'operator')),
  recipient_name text NOT NULL,
  recipient_email text,
  recipient_phone text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
  reply text CHECK (length(reply) BETWEEN 1 AND 4000),
  replied_at timestamptz,
  replied_by_operator_id uuid REFERENCES operators(id),
  closed_at timestamptz,
  filed_by_personnel_id uuid NOT NULL REFERENCES personnel(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_requests_municipality_idx ON support_requests (municipality_id, created_at DESC);
-- The operator's queue: only the requests routed to it, open ones first.
CREATE INDEX support_requests_operator_idx ON support_requests (status, created_at DESC)
  WHERE routed_to = 'operator';

-- Municipal: the EPJ event feed's reads per municipality and hour (evaluation: availability of the EPJ feed). One
-- row per hour, counted up by every poll, so the figure costs one upsert per poll and one index range per period.
CREATE TABLE epj_feed_hours (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  hour timestamptz NOT NULL,
  polls integer NOT NULL DEFAULT 0 CHECK (polls >= 0),
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  PRIMARY KEY (municipality_id, hour)
);

-- The evaluation's aggregates read one municipality's period; without these they scan whole tables.
CREATE INDEX audit_log_citizen_login_idx ON audit_log (municipality_id, occurred_at)
  WHERE action = 'session.create' AND actor_kind = 'citizen';
CREATE INDEX dialog_messages_municipality_time_idx ON dialog_messages (municipality_id, created_at);
CREATE INDEX appointments_municipality_created_idx ON appointments (municipality_id, created_at);
CREATE INDEX appointments_municipality_cancelled_idx ON appointments (municipality_id, cancelled_at)
  WHERE cancelled_at IS NOT NULL;
CREATE INDEX jobs_notification_outcome_idx ON jobs (municipality_id, finished_at)
  WHERE kind = 'notifications.send' AND state IN ('done', 'dead');
