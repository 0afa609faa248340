-- Retention (./manabi retention): when the personal data of a registration was removed. The row
-- itself stays, with seminar, pool, status, member or not, fee and check-in time, so that the counts
-- of the annual report do not change.
ALTER TABLE registration ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
