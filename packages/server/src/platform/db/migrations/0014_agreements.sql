-- Terms, KS consultation, DigiFin and acceptance (issue 12; seed 000 §3, §5.2, §5.3). Kept within PostgreSQL 15.

-- Platform table: the operator's versioned documents, the general terms and the special terms for the service.
-- A version is a draft until the operator publishes it with the date municipalities must accept it by; the
-- newest published version of a document is the current one, earlier published ones are superseded. A significant
-- change needs the KS consultation (sent, answered) recorded before it is published (seed 000 §5.3).
CREATE TABLE terms_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document text NOT NULL CHECK (document IN ('general', 'special')),
  version text NOT NULL CHECK (version ~ '^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$'),
  version_date date NOT NULL,
  changes text[] NOT NULL DEFAULT '{}',
  significant boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  accept_by date,
  published_at timestamptz,
  ks_sent_on date,
  ks_answer text,
  ks_answered_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document, version),
  CHECK (status = 'draft' OR (accept_by IS NOT NULL AND published_at IS NOT NULL)),
  CHECK (NOT significant OR status = 'draft' OR ks_answer IS NOT NULL)
);
CREATE INDEX terms_versions_current_idx ON terms_versions (document, published_at DESC);

-- Municipal table: a municipality's acceptance of one version: who (the administrator), when.
CREATE TABLE terms_acceptances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  terms_version_id uuid NOT NULL REFERENCES terms_versions(id),
  accepted_by_personnel_id uuid NOT NULL REFERENCES personnel(id),
  accepted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, terms_version_id)
);
CREATE INDEX terms_acceptances_version_idx ON terms_acceptances (terms_version_id);

-- Municipal table: DigiFin membership and the connection fee (seed 000 §5.2), one row per municipality, recorded by
-- the operator, who invoices the fee. Amounts in whole kroner.
CREATE TABLE municipality_digifin (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities(id),
  member boolean NOT NULL,
  member_since date,
  fee_amount_nok integer CHECK (fee_amount_nok >= 0),
  fee_invoice_reference text CHECK (length(fee_invoice_reference) BETWEEN 1 AND 100),
  fee_paid_on date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT member OR member_since IS NOT NULL)
);
