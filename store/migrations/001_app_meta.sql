-- Instance facts that outlive a process, such as when this database was made.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO app_meta (key, value) VALUES ('schema_created_at', CURRENT_TIMESTAMP);
