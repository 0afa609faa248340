-- Personal-data requests of people who hold a viewing ID without registering (APPI): the ID they were
-- mailed is their only proof of who asks, as the personal link is a registrant's. A request belongs to
-- a registration or to such a viewing ID, never to both. Written in the SQL that H2 2.x and
-- PostgreSQL 15+ both accept.
ALTER TABLE personal_data_request ALTER COLUMN registration_id DROP NOT NULL;
ALTER TABLE personal_data_request ADD COLUMN viewing_id BIGINT REFERENCES viewing_id (id);
ALTER TABLE personal_data_request ADD CONSTRAINT personal_data_request_holder
  CHECK ((registration_id IS NULL) <> (viewing_id IS NULL));
CREATE INDEX personal_data_request_viewing_id ON personal_data_request (viewing_id);

-- Suspension of use granted to such a viewer: left out of the staff's quiz results and exports.
ALTER TABLE viewing_id ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
