-- Service catalogue, data processing agreements, ordering and activation per municipality (issue 12, seed 000 §2,
-- §3.2, §5.1). Kept within PostgreSQL 15 and PGlite.

-- The catalogue is versioned data: the operator publishes a new version (areas and services) through the API, so a
-- new service needs no code change. The newest version is the one offered for ordering.
CREATE TABLE service_catalogue_versions (
  version integer PRIMARY KEY CHECK (version > 0),
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  published_at timestamptz NOT NULL DEFAULT now(),
  -- the operator who published it; null for version 1, which this migration seeds as reference data
  published_by uuid
);

CREATE TABLE service_catalogue_areas (
  version integer NOT NULL REFERENCES service_catalogue_versions(version),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_.]{0,63}$'),
  position integer NOT NULL,
  name_nb text NOT NULL,
  name_nn text NOT NULL,
  name_en text NOT NULL,
  PRIMARY KEY (version, code)
);

CREATE TABLE service_catalogue_services (
  version integer NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_.]{0,63}$'),
  area_code text NOT NULL,
  position integer NOT NULL,
  name_nb text NOT NULL,
  name_nn text NOT NULL,
  name_en text NOT NULL,
  description_nb text NOT NULL,
  description_nn text NOT NULL,
  description_en text NOT NULL,
  -- seed 000 §3.2: where the operator processes personal data for the municipality (formidling) a data processing
  -- agreement must be in place before the service is ordered or used
  requires_dpa boolean NOT NULL DEFAULT false,
  -- seed 000 §5.1: the municipality's EPJ system must support the service to be activated
  requires_epj_support boolean NOT NULL DEFAULT true,
  PRIMARY KEY (version, code),
  FOREIGN KEY (version, area_code) REFERENCES service_catalogue_areas(version, code)
);

-- Seed 000 §3.2: the data processing agreement a municipality's administrator signs (a new row per signing; the
-- newest is the one in force).
CREATE TABLE data_processing_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 50),
  signatory_name text NOT NULL CHECK (length(signatory_name) BETWEEN 1 AND 200),
  signatory_title text NOT NULL CHECK (length(signatory_title) BETWEEN 1 AND 200),
  signed_on date NOT NULL,
  recorded_by_personnel_id uuid,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX data_processing_agreements_municipality_idx ON data_processing_agreements (municipality_id, recorded_at);

-- Seed 000 §5.1: a service per municipality is ordered by the administrator and activated by the operator; its
-- current status here, every change in the history below.
CREATE TABLE municipality_services (
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('ordered', 'active', 'suspended', 'terminating', 'ended')),
  catalogue_version integer NOT NULL REFERENCES service_catalogue_versions(version),
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, service_code)
);

CREATE TABLE municipality_service_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  service_code text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  reason text,
  actor_kind text NOT NULL,
  actor_id text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX municipality_service_history_idx ON municipality_service_history (municipality_id, changed_at);

-- Catalogue version 1: seed 000 §2 (reference data, like a code list). Descriptions in our own words.
INSERT INTO service_catalogue_versions (version, note) VALUES
  (1, 'Tjenestebeskrivelsen i spesielle bruksvilkår, punkt 2 (versjon 3.2).');

INSERT INTO service_catalogue_areas (version, code, position, name_nb, name_nn, name_en) VALUES
  (1, 'contact', 1, 'Kontaktpunkter og dialog', 'Kontaktpunkt og dialog', 'Contact points and dialogue'),
  (1, 'appointments', 2, 'Timeavtaler', 'Timeavtalar', 'Appointments'),
  (1, 'formidling', 3, 'Formidling', 'Formidling', 'Delivery (formidling)');

INSERT INTO service_catalogue_services (version, code, area_code, position, name_nb, name_nn, name_en,
  description_nb, description_nn, description_en, requires_dpa, requires_epj_support) VALUES
  (1, 'dialog', 'contact', 1, 'Dialog', 'Dialog', 'Dialogue',
   'Innbyggere sender og mottar meldinger fra helse- og omsorgstjenesten i kommunen.',
   'Innbyggjarar sender og får meldingar frå helse- og omsorgstenesta i kommunen.',
   'Citizens send and receive messages from the municipal health and care service.', false, true),
  (1, 'health_contacts', 'contact', 2, 'Helsekontakter', 'Helsekontaktar', 'Health contacts',
   'Innbyggere ser hvem som er deres helsekontakter i kommunen.',
   'Innbyggjarar ser kven som er helsekontaktane deira i kommunen.',
   'Citizens see who their health contacts in the municipality are.', false, true),
  (1, 'appointments.book', 'appointments', 1, 'Bestille timer', 'Bestille timar', 'Book appointments',
   'Innbyggere bestiller timer hos enheten.', 'Innbyggjarar bestiller timar hos eininga.',
   'Citizens book appointments with the unit.', false, true),
  (1, 'appointments.view', 'appointments', 2, 'Se fremtidige avtaler', 'Sjå framtidige avtalar',
   'See future appointments',
   'Innbyggere ser sine kommende avtaler.', 'Innbyggjarar ser dei komande avtalane sine.',
   'Citizens see their upcoming appointments.', false, true),
  (1, 'appointments.cancel', 'appointments', 3, 'Avbestille avtaler', 'Avbestille avtalar', 'Cancel appointments',
   'Innbyggere avbestiller avtaler innenfor enhetens frist.', 'Innbyggjarar avbestiller avtalar innanfor fristen til eininga.',
   'Citizens cancel appointments within the unit''s deadline.', false, true),
  (1, 'home_visits.completed', 'appointments', 4, 'Utførte hjemmebesøk', 'Utførte heimebesøk',
   'Completed home visits',
   'Innbyggere ser utførte hjemmebesøk og kan få varsel på SMS eller e-post.',
   'Innbyggjarar ser utførte heimebesøk og kan få varsel på SMS eller e-post.',
   'Citizens see completed home visits and can be notified by text message or e-mail.', false, true),
  (1, 'letters', 'formidling', 1, 'Formidling av brev', 'Formidling av brev', 'Letters',
   'Kommunen formidler brev til innbyggeren i en kanal innbyggeren bruker.',
   'Kommunen formidlar brev til innbyggjaren i ein kanal innbyggjaren bruker.',
   'The municipality delivers letters to the citizen in a channel the citizen uses.', true, true),
  (1, 'service_messages', 'formidling', 2, 'Formidling av servicemelding', 'Formidling av servicemelding',
   'Service messages',
   'Kommunen sender ikke-sensitiv informasjon, for eksempel om en time, på SMS eller e-post.',
   'Kommunen sender ikkje-sensitiv informasjon, til dømes om ein time, på SMS eller e-post.',
   'The municipality sends non-sensitive information, such as about an appointment, by text message or e-mail.',
   true, true),
  (1, 'forms', 'formidling', 3, 'Formidling av skjema', 'Formidling av skjema', 'Forms',
   'Kommunen sender skjema som innbyggeren fyller ut.', 'Kommunen sender skjema som innbyggjaren fyller ut.',
   'The municipality sends forms for the citizen to fill in.', true, true),
  (1, 'tools', 'formidling', 4, 'Formidling av verktøy', 'Formidling av verktøy', 'Tools',
   'Kommunen tilbyr innbyggeren et kvalitetssikret verktøy i behandlingen.',
   'Kommunen tilbyr innbyggjaren eit kvalitetssikra verktøy i behandlinga.',
   'The municipality offers the citizen a quality-assured tool as part of treatment.', true, true);
