-- PostgreSQL text of migrations/001_app_meta.sql. The rule for every file in
-- this folder: the same tables, columns, constraints and indexes as the
-- SQLite file of the same name, with ids as BIGINT identity columns (and
-- BIGINT references to them), REAL as DOUBLE PRECISION (Go's float64), and
-- every TEXT column COLLATE "C", so that ordering and comparing text (times
-- included) is bytewise as in SQLite, whatever the database's locale.
CREATE TABLE app_meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
-- SQLite's CURRENT_TIMESTAMP text: UTC, 'YYYY-MM-DD HH:MM:SS'.
INSERT INTO app_meta (key, value) VALUES ('schema_created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
