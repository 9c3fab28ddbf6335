-- Issue 15 (home care): a received "Melding om innlagt pasient" (LOG_INNLAGT, HIS 1149) for a citizen with home care
-- visits records an admission; while it is open the citizen's planned visits from `admitted_at` on are paused (derived,
-- never cancelled). "Melding om utskrevet pasient" (LOG_UTSKREVET) or an Utskrivningsrapport (HIS 1148) ends it, and
-- the unit is prompted to review the plan until a visit is done after `discharged_at`. Each row names the messages
-- that opened and closed it, unique, so a message re-delivered under another MsgId changes nothing twice.
CREATE TABLE hospital_admissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities(id),
  person_id uuid NOT NULL REFERENCES persons(id),
  admitted_at timestamptz NOT NULL,
  admission_message_id uuid NOT NULL UNIQUE REFERENCES plo_messages(id),
  discharged_at timestamptz CHECK (discharged_at IS NULL OR discharged_at >= admitted_at),
  discharge_message_id uuid UNIQUE REFERENCES plo_messages(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One open admission per citizen and municipality: a second LOG_INNLAGT (updated information, code 9140 = 2) while
-- admitted changes nothing.
CREATE UNIQUE INDEX hospital_admissions_open_idx ON hospital_admissions (municipality_id, person_id)
  WHERE discharged_at IS NULL;
CREATE INDEX hospital_admissions_person_idx ON hospital_admissions (person_id, admitted_at DESC);
