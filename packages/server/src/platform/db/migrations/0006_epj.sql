-- EPJ integration for the dialog (E1, issue 5). Kept within PostgreSQL 15.

-- Platform table: machine clients registered at the development identity provider (client credentials grant).
-- This is the development IdP's own registry, standing in for HelseID's client registration; with OIDC_ISSUER
-- pointing at a real HelseID it is unused. The secret is kept as the IdP must compare it (client_secret_basic);
-- only synthetic demo clients belong here.
CREATE TABLE epj_clients (
  client_id text PRIMARY KEY CHECK (client_id ~ '^[A-Za-z0-9._:-]{3,100}$'),
  client_name text NOT NULL,
  client_secret text NOT NULL CHECK (length(client_secret) >= 16),
  org_number char(9) NOT NULL CHECK (org_number ~ '^[0-9]{9}$'),
  scope text NOT NULL DEFAULT 'helsebro:epj',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Municipal table: the feed an EPJ polls. The id is the cursor; writers take a per-municipality transaction lock
-- before they insert (see modules/epj/events.ts), so within a municipality ids become visible in id order and a
-- poller that remembers the last id never skips a row committed later with a smaller one.
CREATE TABLE epj_events (
  id bigserial PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_unit_id uuid REFERENCES service_units(id),
  person_id uuid REFERENCES persons(id),
  kind text NOT NULL CHECK (kind ~ '^[a-z_]+(\.[a-z_]+)+$'),
  refs jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX epj_events_feed_idx ON epj_events (municipality_id, id);
