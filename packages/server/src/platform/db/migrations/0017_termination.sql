-- Termination (issue 12, seed 000 §6): the operator's wind-down of a service for every municipality, and each
-- municipality's notices (its own, and one per wind-down, which its administrator and citizens see). Kept within
-- PostgreSQL 15 and PGlite.

CREATE TABLE operator_wind_downs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_code text NOT NULL,
  -- seed 000 §6: no wind-down without an instruction from a superior body
  instruction_reference text NOT NULL CHECK (length(instruction_reference) BETWEEN 1 AND 300),
  notice_date date NOT NULL,
  -- seed 000 §6: at least six months' notice (date + interval clamps to the month's end, as the service does)
  effective_date date NOT NULL CHECK (effective_date >= notice_date + interval '6 months'),
  reason text NOT NULL,
  created_by_operator_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);

CREATE TABLE service_terminations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  kind text NOT NULL CHECK (kind IN ('municipality_notice', 'operator_wind_down')),
  wind_down_id uuid REFERENCES operator_wind_downs(id),
  service_codes text[] NOT NULL CHECK (cardinality(service_codes) > 0),
  notice_date date NOT NULL,
  -- the first day without the services: they end at the start of this date (Europe/Oslo)
  effective_date date NOT NULL CHECK (effective_date > notice_date),
  reason text NOT NULL,
  given_by_personnel_id uuid,
  given_by_operator_id uuid,
  given_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  CHECK ((kind = 'operator_wind_down') = (wind_down_id IS NOT NULL))
);
CREATE INDEX service_terminations_municipality_idx ON service_terminations (municipality_id, effective_date);
CREATE INDEX service_terminations_due_idx ON service_terminations (effective_date) WHERE ended_at IS NULL;
