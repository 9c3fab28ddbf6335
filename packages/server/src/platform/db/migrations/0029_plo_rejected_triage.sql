-- Issue 14 (D6): what a message handler did with a rejected message addressed to their organisation. A rejected
-- message (plo_messages status 'rejected' or 'refused', the sender told by the negative AppRec) waits in the
-- console's queue until a handler forwards it to the right service of the organisation (an inbox row is added
-- there) or closes it with a note. One row per message: the first handler's decision stands.
CREATE TABLE plo_rejected_triage (
  message_id uuid PRIMARY KEY REFERENCES plo_messages(id),
  outcome text NOT NULL CHECK (outcome IN ('closed', 'forwarded')),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  forwarded_party_id uuid REFERENCES plo_parties(id),
  decided_by uuid NOT NULL REFERENCES personnel(id),
  decided_at timestamptz NOT NULL,
  CHECK ((outcome = 'forwarded') = (forwarded_party_id IS NOT NULL))
);
-- The queue reads rejected messages by the service or organisation they were addressed to.
CREATE INDEX plo_messages_rejected_idx ON plo_messages (receiver_her_id, received_at DESC)
  WHERE direction = 'in' AND status IN ('rejected', 'refused');
