-- Population register import and care relations managed by staff and the EPJ (issue 12). Kept within
-- PostgreSQL 15.

-- The register's change feed: each applied event by its sequence number and a hash of its content, so a replay
-- changes nothing and a sequence number reused for other content is refused (national, not a municipal table).
CREATE TABLE population_register_events (
  sequence bigint PRIMARY KEY CHECK (sequence > 0),
  type text NOT NULL CHECK (type IN (
    'person.created', 'person.changed', 'address.changed', 'parental_responsibility.changed', 'person.died'
  )),
  content_hash text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- The municipality of residence as the register gives it, also for a municipality not (yet) on Helsebro, so
-- persons imported before their municipality joins are found by it.
ALTER TABLE persons ADD COLUMN municipality_number char(4) CHECK (municipality_number ~ '^[0-9]{4}$');
-- Searching a unit's care relations by name.
CREATE INDEX persons_family_name_idx ON persons (lower(family_name), lower(given_name));

-- A care relation is registered and ended by the unit's staff or the municipality's EPJ: who, when, why it ended,
-- and when it last changed (the EPJ lists changes since a point in time).
ALTER TABLE care_relations ADD COLUMN created_by_personnel_id uuid REFERENCES personnel(id);
ALTER TABLE care_relations ADD COLUMN ended_at timestamptz;
ALTER TABLE care_relations ADD COLUMN ended_by_personnel_id uuid REFERENCES personnel(id);
ALTER TABLE care_relations ADD COLUMN end_reason text CHECK (end_reason IN (
  'services_completed', 'moved', 'deceased', 'transferred', 'registered_in_error', 'other'
));
ALTER TABLE care_relations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE care_relations ADD CONSTRAINT care_relations_ended_check
  CHECK ((ended_at IS NULL) = (end_reason IS NULL));
CREATE INDEX care_relations_changes_idx ON care_relations (municipality_id, updated_at, id);
