-- Issue 15 (messages): a unit may start a conversation with a citizen it serves, and a unit's automatic reply is
-- stored as a real message from the unit side. Kept within PostgreSQL 15.

-- Who started a conversation: the citizen (or their representative) as before, or a health worker of the unit.
-- Exactly one of the two is set.
ALTER TABLE dialog_conversations
  ADD COLUMN started_by_personnel_id uuid REFERENCES personnel(id),
  ALTER COLUMN started_by_person_id DROP NOT NULL,
  ADD CONSTRAINT dialog_conversations_started_by_check
    CHECK ((started_by_person_id IS NULL) <> (started_by_personnel_id IS NULL));

-- An automatic reply is written by the unit, not by a health worker: it has no personnel author. The unnamed
-- check of 0004 that tied the unit side to a personnel author (PostgreSQL named it dialog_messages_check1, the
-- second table check) is replaced by one that leaves the automatic reply out.
ALTER TABLE dialog_messages
  ADD COLUMN automatic boolean NOT NULL DEFAULT false,
  DROP CONSTRAINT dialog_messages_check1,
  ADD CONSTRAINT dialog_messages_unit_author_check
    CHECK ((from_side = 'unit' AND NOT automatic) = (author_personnel_id IS NOT NULL)),
  ADD CONSTRAINT dialog_messages_automatic_check CHECK (NOT automatic OR from_side = 'unit');
