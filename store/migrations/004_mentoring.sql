-- Mentoring: cohorts and their members, curricula with ordered items,
-- assignments with due dates, comments on submissions, endorsements.
CREATE TABLE cohorts (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    mentor_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    join_code  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE INDEX cohorts_mentor ON cohorts (mentor_id);

CREATE TABLE cohort_members (
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_members_user ON cohort_members (user_id);

CREATE TABLE curricula (
    id           INTEGER PRIMARY KEY,
    owner_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    target_level TEXT NOT NULL DEFAULT '',
    copied_from  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE curriculum_items (
    curriculum_id INTEGER NOT NULL REFERENCES curricula (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('guide', 'lab')),
    ref           TEXT NOT NULL,
    PRIMARY KEY (curriculum_id, position)
);

CREATE TABLE assignments (
    id            INTEGER PRIMARY KEY,
    curriculum_id INTEGER NOT NULL REFERENCES curricula (id) ON DELETE CASCADE,
    cohort_id     INTEGER REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
    due           TEXT NOT NULL,          -- YYYY-MM-DD: due at the end of that day, UTC
    assigned_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    CHECK ((cohort_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX assignments_cohort ON assignments (cohort_id);
CREATE INDEX assignments_user ON assignments (user_id);

CREATE TABLE comments (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    author_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    read_at       TEXT
);
CREATE INDEX comments_submission ON comments (submission_id);

CREATE TABLE endorsements (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    competency_id TEXT NOT NULL,
    level         TEXT NOT NULL CHECK (level IN ('junior', 'mid', 'senior', 'lead')),
    note          TEXT NOT NULL DEFAULT '',
    mentor_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX endorsements_user ON endorsements (user_id);
