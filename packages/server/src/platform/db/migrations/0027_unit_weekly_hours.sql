-- Issue 15 (messages): a unit's opening hours as data, so its automatic reply is sent while it is closed, not
-- only while an absence period covers the day. An array of {weekday (ISO 1–7), opens, closes (HH:mm, Oslo)};
-- NULL while the unit has set none (then only absences count). Kept within PostgreSQL 15.
ALTER TABLE service_units
  ADD COLUMN weekly_hours jsonb,
  ADD CONSTRAINT service_units_weekly_hours_check
    CHECK (weekly_hours IS NULL OR jsonb_typeof(weekly_hours) = 'array');
