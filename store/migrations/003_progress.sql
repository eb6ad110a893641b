-- Learner evidence: graded submissions, guides read, hints revealed, and
-- self-assessments. Lab ids and guide keys are text references to the
-- catalogs; a reference to a retired item stays and shows as retired.
CREATE TABLE submissions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lab_id      TEXT NOT NULL,
    sql_text    TEXT NOT NULL,
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    verdict     TEXT NOT NULL,          -- the grader's verdict as JSON
    duration_ms REAL NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX submissions_user_lab ON submissions (user_id, lab_id, id);
CREATE INDEX submissions_user_time ON submissions (user_id, created_at);

CREATE TABLE guide_reads (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    guide_key TEXT NOT NULL,            -- the translation key: either language counts
    slug      TEXT NOT NULL,            -- the version that was read
    read_at   TEXT NOT NULL,
    PRIMARY KEY (user_id, guide_key)
);

CREATE TABLE hint_reveals (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lab_id      TEXT NOT NULL,
    hint_index  INTEGER NOT NULL,
    revealed_at TEXT NOT NULL,
    PRIMARY KEY (user_id, lab_id, hint_index)
);

CREATE TABLE self_assessments (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, competency_id)
);
