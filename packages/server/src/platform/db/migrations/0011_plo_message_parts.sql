-- Large PLO messages stored in parts (issue 10, "Big messages on the embedded store"). On PGlite the database runs
-- on the server's event loop, and one statement writing the 8 MB of a large message holds it ~100 ms (measured:
-- 90–100 ms CPU for the TOAST chunks, WAL and file writes alone). A received message's raw bytes are therefore
-- stored as plo_messages.raw (the first part) followed by these parts in seq order, each written by its own
-- statement in the transaction that stores the message, so no statement writes more than one part.
-- Platform-wide, like the rest of the hub (see tenancy.ts).
CREATE TABLE plo_message_parts (
  message_id uuid NOT NULL REFERENCES plo_messages(id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 1),
  bytes bytea NOT NULL,
  PRIMARY KEY (message_id, seq)
);
