-- PLO message hub (issue 4): the address register of communication parties, partner credentials for the
-- receiving endpoint, messages in both directions, the receiving services' inboxes and application receipts.
-- All platform-wide (see tenancy.ts): a hospital's services and messages to unknown receivers have no
-- municipality; rows carry municipality_id where one applies.

-- Address register (HIS 1153-1 §4–6; plo-messaging.md §6.1): an organisation (virksomhet, level 1) and its
-- communication parties (services or persons, level 2), each with its own HER-id.
CREATE TABLE plo_parties (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  her_id text NOT NULL UNIQUE CHECK (her_id ~ '^[0-9]{1,12}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  org_number char(9) CHECK (org_number ~ '^[0-9]{9}$'),
  parent_id uuid REFERENCES plo_parties(id),
  kind text NOT NULL CHECK (kind IN ('organisation', 'service', 'person')),
  -- Service type (tjenestetype) as code list and value, e.g. 8663:KOM-PLO-SYKEPLEIE; free text until AR codes are loaded.
  service_type text,
  municipality_id uuid REFERENCES municipalities(id),
  -- True for parties whose messages this installation receives (its own services).
  hosted boolean NOT NULL DEFAULT false,
  -- Capability profile (as a CPP says): [{"messageType": "LOG_INNLAGT", "versions": ["1.6"]}, …]
  capabilities jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(capabilities) = 'array'),
  -- Message-responsible address (meldingsansvarlig, D9); a service without one inherits its organisation's.
  responsible_name text,
  responsible_email text,
  responsible_phone text,
  -- Where messages and AppRecs to this party are POSTed; inherited from the organisation when empty.
  transport_endpoint text CHECK (transport_endpoint ~ '^https?://'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'organisation') = (parent_id IS NULL))
);
CREATE INDEX plo_parties_parent_idx ON plo_parties (parent_id);
CREATE INDEX plo_parties_municipality_idx ON plo_parties (municipality_id);

-- Bearer credentials of partners posting to /edi/v1/messages; only the SHA-256 of the token is kept.
CREATE TABLE plo_partner_credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  party_id uuid NOT NULL REFERENCES plo_parties(id),
  label text NOT NULL,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Every message received (direction 'in') or built to be sent ('out'). Incoming: accepted (positive AppRec),
-- rejected (negative AppRec; kept for inspection, D6), unreadable / refused (no AppRec possible: no readable
-- sender, or a sender the credential may not speak for). Outgoing: queued → sent → delivered → apprec_ok |
-- apprec_rejected, or failed.
CREATE TABLE plo_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  status text NOT NULL CHECK (status IN (
    'accepted', 'rejected', 'unreadable', 'refused',
    'queued', 'sent', 'delivered', 'apprec_ok', 'apprec_rejected', 'failed')),
  msg_id text,
  msg_type text,
  content_standard text,
  content_version text,
  forsendelsesstatus char(1) CHECK (forsendelsesstatus IN ('N', 'M', 'C')),
  gen_date text,
  conversation_parent text,
  conversation_root text,
  sender_her_id text,
  sender_party_her_id text,
  receiver_her_id text,
  receiver_party_her_id text,
  -- Incoming: the partner organisation whose credential posted it. Outgoing: our sending party.
  sender_party_id uuid REFERENCES plo_parties(id),
  -- The hosted (own) party it was addressed to, when known; outgoing: the partner it goes to.
  receiver_party_id uuid REFERENCES plo_parties(id),
  municipality_id uuid REFERENCES municipalities(id),
  patient_nin text,
  patient_id_type text,
  patient_person_id uuid REFERENCES persons(id),
  raw bytea NOT NULL,
  raw_sha256 text NOT NULL,
  parsed jsonb,
  problems jsonb NOT NULL DEFAULT '[]'::jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A MsgId is processed once per sender (HITS 1168 §5.4); a repeat is a duplicate.
CREATE UNIQUE INDEX plo_messages_msg_id_idx ON plo_messages (direction, sender_her_id, msg_id)
  WHERE msg_id IS NOT NULL AND sender_her_id IS NOT NULL;
CREATE INDEX plo_messages_conversation_idx ON plo_messages (conversation_root) WHERE conversation_root IS NOT NULL;
CREATE INDEX plo_messages_patient_idx ON plo_messages (patient_person_id, received_at DESC);
CREATE INDEX plo_messages_status_idx ON plo_messages (direction, status, received_at DESC);

-- A receiving service's inbox: one row per own receiving party of an accepted message (primary or copy).
CREATE TABLE plo_inbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES plo_messages(id),
  party_id uuid NOT NULL REFERENCES plo_parties(id),
  municipality_id uuid REFERENCES municipalities(id),
  role text NOT NULL CHECK (role IN ('PRIM', 'COP')),
  state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'read', 'handled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (message_id, party_id)
);
CREATE INDEX plo_inbox_party_idx ON plo_inbox (party_id, created_at DESC);

-- Application receipts (AppRec 1.1), sent ('out': ours, answering a received message) and received ('in').
-- Exactly one outgoing AppRec per received message per receiving party (HIS 80415-1.1 §3; HITS 1168 §5.4).
CREATE TABLE plo_apprecs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  apprec_id text NOT NULL,
  message_id uuid REFERENCES plo_messages(id),
  -- out: the HER-id in whose name we answer (the receiving party as addressed); in: the party that answered.
  answering_her_id text NOT NULL,
  party_id uuid REFERENCES plo_parties(id),
  role text,
  status text NOT NULL CHECK (status IN ('1', '2', '3')),
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  original_msg_id text NOT NULL,
  xml bytea NOT NULL,
  delivery text NOT NULL CHECK (delivery IN ('queued', 'delivered', 'failed', 'received')),
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE UNIQUE INDEX plo_apprecs_one_per_receiver_idx ON plo_apprecs (message_id, answering_her_id) WHERE direction = 'out';
CREATE UNIQUE INDEX plo_apprecs_received_idx ON plo_apprecs (answering_her_id, apprec_id) WHERE direction = 'in';
CREATE INDEX plo_apprecs_message_idx ON plo_apprecs (message_id);
