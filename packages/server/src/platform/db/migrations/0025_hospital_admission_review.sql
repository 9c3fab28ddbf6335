-- Issue 15 (home care): after a discharge (LOG_UTSKREVET / Utskrivningsrapport) the unit is prompted to review the
-- citizen's plan. A health worker with a role in a unit that serves the citizen marks the review done
-- ("Gjennomgått"): who and when are kept on the admission, so the prompt ends without a visit having to be made.
ALTER TABLE hospital_admissions
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN reviewed_by_personnel_id uuid REFERENCES personnel(id),
  ADD CONSTRAINT hospital_admissions_reviewed_by_check CHECK ((reviewed_at IS NULL) = (reviewed_by_personnel_id IS NULL)),
  ADD CONSTRAINT hospital_admissions_reviewed_after_discharge_check
    CHECK (reviewed_at IS NULL OR discharged_at IS NOT NULL);
