-- Municipality onboarding and administration (issue 12). Kept within PostgreSQL 15.

-- Platform table: the EPJ products the operator has registered, with the versions offered and the services each
-- supports (service codes as in packages/contracts/src/organisations.ts; the service catalogue refers to them).
CREATE TABLE epj_products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  vendor text NOT NULL CHECK (length(vendor) BETWEEN 1 AND 200),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  versions text[] NOT NULL DEFAULT '{}',
  services text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (vendor, name)
);

-- The municipality's contact (from onboarding) and its EPJ system (product and version from the operator's list).
ALTER TABLE municipalities
  ADD COLUMN contact_name text,
  ADD COLUMN contact_email text,
  ADD COLUMN contact_phone text,
  ADD COLUMN epj_product_id uuid REFERENCES epj_products(id),
  ADD COLUMN epj_version text;

-- Units gain an optional HER-id and can be closed (kept, for the history that refers to them); infection control
-- is a kind of unit too.
ALTER TABLE service_units
  ADD COLUMN her_id text CHECK (her_id ~ '^[0-9]{1,9}$'),
  ADD COLUMN closed_at timestamptz;
ALTER TABLE service_units DROP CONSTRAINT service_units_kind_check;
ALTER TABLE service_units ADD CONSTRAINT service_units_kind_check CHECK (kind IN (
  'home_care', 'health_station', 'emergency_ward', 'infection_control', 'vaccination', 'allocation_office', 'other'));

-- A municipality's EPJ machine clients are the development IdP's client records (epj_clients): the municipality
-- that registered one, and either a public JWKS (private_key_jwt, as HelseID) or a secret (client_secret_basic,
-- dev IdP only). A revoked client can no longer get a token; the row stays for the audit trail.
ALTER TABLE epj_clients
  ADD COLUMN municipality_id uuid REFERENCES municipalities(id),
  ADD COLUMN jwks jsonb,
  ADD COLUMN revoked_at timestamptz,
  ALTER COLUMN client_secret DROP NOT NULL,
  ADD CONSTRAINT epj_clients_credential_check CHECK (client_secret IS NOT NULL OR jwks IS NOT NULL);
CREATE INDEX epj_clients_municipality_idx ON epj_clients (municipality_id);

-- Staff search in a municipality of thousands: by name and HPR number.
CREATE INDEX personnel_family_name_idx ON personnel (lower(family_name));
CREATE INDEX personnel_roles_personnel_idx ON personnel_roles (personnel_id);
