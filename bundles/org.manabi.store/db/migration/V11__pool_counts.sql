-- The seats taken and the people waiting in each pool of each seminar, kept up to date under the
-- seminar's lock by every change of a registration's status or pool. Each batch of registrations read
-- them by counting the pool's rows, which grows with every registration of a popular seminar and is
-- done while its lock is held; the catalogue's "seats left" counted them too.
-- Written in the SQL that H2 2.x and PostgreSQL 15+ both accept.
CREATE TABLE pool_count (
  seminar_id VARCHAR(200) NOT NULL REFERENCES seminar_queue (seminar_id),
  pool VARCHAR(10) NOT NULL CHECK (pool IN ('onsite', 'web')),
  confirmed INTEGER NOT NULL CHECK (confirmed >= 0),
  waiting INTEGER NOT NULL CHECK (waiting >= 0),
  PRIMARY KEY (seminar_id, pool)
);

INSERT INTO pool_count (seminar_id, pool, confirmed, waiting)
SELECT seminar_id, pool, SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END),
    SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END)
FROM registration WHERE status <> 'cancelled' GROUP BY seminar_id, pool;
