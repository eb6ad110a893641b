-- Evidence beyond labs: quiz attempts on guides, and reviewed tasks with
-- their submissions and mentors' reviews. Every attempt and every version
-- is kept; nothing here is updated in place.
CREATE TABLE quiz_attempts (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    guide_key  TEXT NOT NULL,               -- the guide's translation key: either language counts
    slug       TEXT NOT NULL,               -- the guide answered, in its language
    answers    TEXT NOT NULL,               -- {"question id": [choice, ...]} as JSON
    correct    INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    passed     INTEGER NOT NULL CHECK (passed IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX quiz_attempts_user ON quiz_attempts (user_id, guide_key, id);

CREATE TABLE task_submissions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    task_id     TEXT NOT NULL,
    deliverable TEXT NOT NULL CHECK (deliverable IN ('markdown', 'sql', 'link')),
    body        TEXT NOT NULL,              -- the work as sent: Markdown, SQL, or the link's note
    link        TEXT NOT NULL DEFAULT '',   -- the URL, for link deliverables
    created_at  TEXT NOT NULL
);
CREATE INDEX task_submissions_user ON task_submissions (user_id, task_id, id);

CREATE TABLE task_reviews (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL UNIQUE REFERENCES task_submissions (id) ON DELETE CASCADE,
    reviewer_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
    criteria      TEXT NOT NULL,            -- [{"id", "met", "comment"}] as JSON, every rubric criterion
    comment       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
