-- Abuse limits kept in the database (issue 16), so that replicas on one
-- database count together what one client does on any of them.
-- limit_windows: a fixed-window counter per key (login and signup per
-- address, failed logins per account, grading jobs per minute per caller).
CREATE TABLE limit_windows (
    key       TEXT PRIMARY KEY,
    hits      INTEGER NOT NULL CHECK (hits >= 0),
    resets_at TEXT NOT NULL             -- the window ends; then hits start again from 0
);

-- limit_leases: the grading jobs a caller has in flight, one row each. A
-- replica deletes its row when the job ends; a replica that died leaves
-- rows that stop counting when they expire.
CREATE TABLE limit_leases (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX limit_leases_by_key ON limit_leases (key, expires_at);
CREATE INDEX limit_leases_by_expiry ON limit_leases (expires_at);
CREATE INDEX limit_windows_by_reset ON limit_windows (resets_at);
