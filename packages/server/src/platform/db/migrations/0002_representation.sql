-- Representation (A2), care relations and emergency access (issue 3). Kept within PostgreSQL 15.

-- The registered dwelling in a comparable form (Folkeregisteret's address code + unit, or in the synthetic
-- register a normalised municipality|street|postal code). "A parent lives at the child's registered address" is
-- equality of this key; NULL (unknown, abroad, confidential) never equals anything.
ALTER TABLE persons ADD COLUMN dwelling_key text;
CREATE INDEX persons_dwelling_idx ON persons (dwelling_key) WHERE dwelling_key IS NOT NULL;

-- Parental responsibility as registered in Folkeregisteret (national: not a municipal table).
CREATE TABLE parental_responsibilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES persons(id),
  parent_id uuid NOT NULL REFERENCES persons(id),
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (child_id <> parent_id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (child_id, parent_id, valid_from)
);
CREATE INDEX parental_responsibilities_parent_idx ON parental_responsibilities (parent_id);
CREATE INDEX parental_responsibilities_child_idx ON parental_responsibilities (child_id);

-- Fullmakt between two citizens (national, as on Helsenorge: not tied to a municipality). Never updated except
-- to end it; an edit is an end (reason 'replaced') plus a new row pointing back with replaces_id.
CREATE TABLE fullmakter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  giver_id uuid NOT NULL REFERENCES persons(id),
  holder_id uuid NOT NULL REFERENCES persons(id),
  service_areas text[] NOT NULL CHECK (
    cardinality(service_areas) >= 1
    AND service_areas <@ ARRAY['innsyn', 'brev_og_skjema', 'digitale_helsetjenester']::text[]
  ),
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_by_person_id uuid REFERENCES persons(id),
  end_reason text CHECK (end_reason IN ('ended_by_giver', 'ended_by_holder', 'replaced')),
  replaces_id uuid REFERENCES fullmakter(id),
  CHECK (giver_id <> holder_id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX fullmakter_giver_idx ON fullmakter (giver_id);
CREATE INDEX fullmakter_holder_idx ON fullmakter (holder_id);

-- Municipal table: which citizen receives which service from which unit, from when to when (tjenstlig behov).
CREATE TABLE care_relations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  service_unit_id uuid NOT NULL REFERENCES service_units(id),
  primary_contact_id uuid REFERENCES personnel(id),
  coordinator_id uuid REFERENCES personnel(id),
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (person_id, service_unit_id, valid_from)
);
CREATE INDEX care_relations_municipality_idx ON care_relations (municipality_id);
CREATE INDEX care_relations_person_idx ON care_relations (person_id);
CREATE INDEX care_relations_unit_idx ON care_relations (service_unit_id);

-- Municipal table: emergency access ("break the glass"), time-limited, with the stated reason.
CREATE TABLE emergency_access_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  personnel_id uuid NOT NULL REFERENCES personnel(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  reason text NOT NULL CHECK (char_length(reason) >= 10),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > granted_at)
);
CREATE INDEX emergency_access_grants_lookup_idx ON emergency_access_grants (personnel_id, person_id, expires_at);
CREATE INDEX emergency_access_grants_municipality_idx ON emergency_access_grants (municipality_id);

-- The citizen's access log reads by subject, newest first, page by page.
CREATE INDEX audit_log_subject_id_idx ON audit_log (subject_person_id, id DESC);
