-- Issue 15 (home care): a unit that works every day — home care visits happen on weekends and public holidays, so
-- its availability rules give slots and its calendar is open then. Cancellation deadlines still count working days
-- (working-days.ts); this changes only when the unit works.
ALTER TABLE service_units ADD COLUMN visits_every_day boolean NOT NULL DEFAULT false;
