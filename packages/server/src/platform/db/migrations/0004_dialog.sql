-- Citizen dialog (A3), service unit settings (A4) and notifications (A7) (issue 5). Kept within PostgreSQL 15.

-- A4: a unit's dialog settings next to its contact details.
ALTER TABLE service_units ADD COLUMN opening_hours text;
ALTER TABLE service_units ADD COLUMN open_for_dialog boolean NOT NULL DEFAULT false;
ALTER TABLE service_units ADD COLUMN response_working_days integer NOT NULL DEFAULT 1
  CHECK (response_working_days BETWEEN 1 AND 30);
ALTER TABLE service_units ADD COLUMN auto_reply text;
ALTER TABLE service_units ADD COLUMN functional_email text;
ALTER TABLE service_units ADD COLUMN alert_by_email boolean NOT NULL DEFAULT false;

-- Municipal table: periods the unit is closed (holidays), shown to citizens.
CREATE TABLE service_unit_absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  note text,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX service_unit_absences_unit_idx ON service_unit_absences (service_unit_id);

-- Municipal table: a conversation between a citizen (always the principal) and a unit.
CREATE TABLE dialog_conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  subject text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  started_by_person_id uuid NOT NULL REFERENCES persons(id),
  assigned_personnel_id uuid REFERENCES personnel(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by_personnel_id uuid REFERENCES personnel(id)
);
CREATE INDEX dialog_conversations_unit_idx ON dialog_conversations (service_unit_id, last_message_at DESC);
CREATE INDEX dialog_conversations_person_idx ON dialog_conversations (person_id, last_message_at DESC);

-- Municipal table: one message, plain text. read_at is when the other side first read it.
CREATE TABLE dialog_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  conversation_id uuid NOT NULL REFERENCES dialog_conversations(id),
  from_side text NOT NULL CHECK (from_side IN ('citizen', 'unit')),
  author_person_id uuid REFERENCES persons(id),
  author_personnel_id uuid REFERENCES personnel(id),
  body text NOT NULL CHECK (length(body) > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  read_by_person_id uuid REFERENCES persons(id),
  read_by_personnel_id uuid REFERENCES personnel(id),
  CHECK ((from_side = 'citizen') = (author_person_id IS NOT NULL)),
  CHECK ((from_side = 'unit') = (author_personnel_id IS NOT NULL))
);
CREATE INDEX dialog_messages_conversation_idx ON dialog_messages (conversation_id, created_at);
CREATE INDEX dialog_messages_unread_idx ON dialog_messages (conversation_id) WHERE read_at IS NULL;

-- Municipal table: attachments, in the database for now. content_type is what the bytes say.
CREATE TABLE dialog_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  message_id uuid NOT NULL REFERENCES dialog_messages(id),
  filename text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  sha256 text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX dialog_attachments_message_idx ON dialog_attachments (message_id);

-- A person's notification choices (national: a person has one choice whichever municipality writes).
-- No contact details: those come from KRR at every dispatch.
CREATE TABLE notification_preferences (
  person_id uuid PRIMARY KEY REFERENCES persons(id),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  level text NOT NULL CHECK (level IN ('limited', 'normal', 'full')),
  language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'nn', 'en')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One notice per person per event: the dispatcher claims (event, person) here before it queues a send.
CREATE TABLE notification_notices (
  id bigserial PRIMARY KEY,
  event_key text NOT NULL,
  person_id uuid REFERENCES persons(id),
  service_unit_id uuid REFERENCES service_units(id),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  template text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'skipped')),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  CHECK ((person_id IS NULL) <> (service_unit_id IS NULL))
);
CREATE UNIQUE INDEX notification_notices_person_uq ON notification_notices (event_key, person_id)
  WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX notification_notices_unit_uq ON notification_notices (event_key, service_unit_id)
  WHERE service_unit_id IS NOT NULL;

-- Development capture store: e-mail and SMS that were not sent to a real server (no SMTP_URL / SMS_GATEWAY_URL
-- outside production, or the local SMS gateway stand-in). Shown in the operator console.
CREATE TABLE notification_captures (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
