-- PLO message hub, sending half (issue 4): the status history of every outgoing message, and the bearer
-- credentials Helsebro presents to partners when it POSTs messages and AppRecs to their endpoints.
-- Platform-wide, like the rest of the hub (see tenancy.ts).

-- Status history of an outgoing message: queued → sent → delivered → apprec_ok | apprec_rejected, or failed;
-- back to queued when an attempt failed and the outbox retries. plo_messages.status is the latest of these.
CREATE TABLE plo_message_events (
  id bigserial PRIMARY KEY,
  message_id uuid NOT NULL REFERENCES plo_messages(id),
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'apprec_ok', 'apprec_rejected', 'failed')),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- What happened: the attempt, the partner's HTTP status, the AppRec's errors. Never the message body or a token.
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX plo_message_events_message_idx ON plo_message_events (message_id, id);

-- The token WE present to a partner organisation (the one it issued to us). Encrypted with AES-256-GCM under a
-- key derived from configuration (HKDF-SHA256 of PLO_CREDENTIAL_KEY, falling back to AUDIT_KEY): a database dump
-- or the address-register export never contains a usable token. key_id names the key, so a rotation can find
-- what it has to re-encrypt.
CREATE TABLE plo_outgoing_credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  party_id uuid NOT NULL UNIQUE REFERENCES plo_parties(id),
  label text NOT NULL,
  -- iv (12 bytes) ‖ authentication tag (16 bytes) ‖ ciphertext
  token_encrypted bytea NOT NULL,
  key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
