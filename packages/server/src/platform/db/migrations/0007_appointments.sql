-- Appointments (A5), completed home visits (A6) and their EPJ side (E1), issue 6. Kept within PostgreSQL 15.
-- Instants are timestamptz; the Europe/Oslo wall clock is computed in the application (platform/time).

-- Municipal table: what a unit offers, with its booking and cancellation rules.
CREATE TABLE appointment_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL
    CHECK (kind IN ('consultation', 'vaccination', 'home_visit', 'emergency_ward', 'health_station', 'other')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  self_bookable boolean NOT NULL DEFAULT false,
  citizen_cancellable boolean NOT NULL DEFAULT true,
  -- "No later than N working days before" the appointment's Oslo date; 0 = until the start.
  cancel_deadline_working_days integer NOT NULL DEFAULT 1 CHECK (cancel_deadline_working_days BETWEEN 0 AND 30),
  cancellation_needs_acceptance boolean NOT NULL DEFAULT false,
  reminder_lead_hours integer CHECK (reminder_lead_hours BETWEEN 1 AND 336),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_types_unit_idx ON appointment_types (service_unit_id);

-- Municipal table: availability rules ("Mondays and Wednesdays 08:00–11:00, vaccination"); slots come from them.
CREATE TABLE appointment_availability_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types(id),
  weekdays smallint[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ '{1,2,3,4,5,6,7}'),
  start_time time NOT NULL,
  end_time time NOT NULL CHECK (end_time > start_time),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  skip_holidays boolean NOT NULL DEFAULT true,
  active boolean NOT NULL DEFAULT true,
  external_id text,
  slots_generated_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_availability_rules_unit_idx ON appointment_availability_rules (service_unit_id);

-- Municipal table: a bookable time. Generating slots twice inserts nothing the second time (the unique key).
CREATE TABLE appointment_slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types(id),
  rule_id uuid REFERENCES appointment_availability_rules(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (appointment_type_id, starts_at)
);
CREATE INDEX appointment_slots_unit_time_idx ON appointment_slots (service_unit_id, starts_at);

-- Municipal table: an appointment, always with the citizen (the principal). A home visit is an appointment of a
-- home_visit type; when carried out it gets a completed_visits row.
CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  appointment_type_id uuid NOT NULL REFERENCES appointment_types(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  slot_id uuid REFERENCES appointment_slots(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'fulfilled', 'no_show')),
  location text,
  staff_personnel_id uuid REFERENCES personnel(id),
  self_booked boolean NOT NULL DEFAULT false,
  booked_by_person_id uuid REFERENCES persons(id),
  booked_by_personnel_id uuid REFERENCES personnel(id),
  cancelled_at timestamptz,
  cancelled_by text CHECK (cancelled_by IN ('citizen', 'representative', 'unit')),
  cancelled_by_person_id uuid REFERENCES persons(id),
  cancelled_by_personnel_id uuid REFERENCES personnel(id),
  cancellation_reason text
    CHECK (cancellation_reason IN ('citizen_request', 'illness', 'unit_unavailable', 'duplicate', 'other')),
  cancellation_comment text,
  external_id text,
  -- Bumped on every move, so a reminder queued for an earlier time knows it is stale.
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
-- No double booking, decided by the database: at most one appointment that is not cancelled per slot. A booking
-- inserts with ON CONFLICT DO NOTHING; the loser of a race waits for the winner's commit and inserts nothing.
CREATE UNIQUE INDEX appointments_slot_taken_uq ON appointments (slot_id)
  WHERE slot_id IS NOT NULL AND status <> 'cancelled';
CREATE INDEX appointments_person_idx ON appointments (person_id, starts_at);
CREATE INDEX appointments_unit_time_idx ON appointments (service_unit_id, starts_at);

-- Municipal table: a citizen's cancellation request (when the type needs the unit's acceptance) or new-time request.
CREATE TABLE appointment_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  appointment_id uuid NOT NULL REFERENCES appointments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  kind text NOT NULL CHECK (kind IN ('cancellation', 'new_time')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  comment text CHECK (length(comment) <= 1000),
  reason text CHECK (reason IN ('citizen_request', 'illness', 'unit_unavailable', 'duplicate', 'other')),
  requested_by_person_id uuid NOT NULL REFERENCES persons(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  decided_by_personnel_id uuid REFERENCES personnel(id),
  response text CHECK (length(response) <= 1000)
);
-- One open request per appointment.
CREATE UNIQUE INDEX appointment_requests_pending_uq ON appointment_requests (appointment_id) WHERE status = 'pending';
CREATE INDEX appointment_requests_unit_idx ON appointment_requests (service_unit_id, status, created_at);

-- Municipal table: a home visit carried out (A6): what was done and by whom.
CREATE TABLE completed_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  appointment_id uuid UNIQUE REFERENCES appointments(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  performed_at timestamptz NOT NULL,
  ended_at timestamptz CHECK (ended_at IS NULL OR ended_at >= performed_at),
  what_was_done text NOT NULL CHECK (length(what_was_done) BETWEEN 1 AND 2000),
  staff_personnel_id uuid REFERENCES personnel(id),
  recorded_by_personnel_id uuid REFERENCES personnel(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX completed_visits_person_idx ON completed_visits (person_id, performed_at DESC);

-- Municipal table: a unit hides its staff members' names from one citizen (and their representatives), for
-- safety (citizen-services.md §2.1, §10 #7).
CREATE TABLE appointment_staff_name_hidings (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  hidden_by_personnel_id uuid REFERENCES personnel(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (service_unit_id, person_id)
);

-- Platform table: the citizen's opt-in to a notice for each completed home visit. Like notification_preferences it
-- is the person's own choice and holds whichever municipality visits them.
CREATE TABLE home_visit_notice_optins (
  person_id uuid PRIMARY KEY REFERENCES persons(id),
  opted_in_at timestamptz NOT NULL DEFAULT now()
);
