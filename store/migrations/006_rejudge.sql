-- Every verdict a submission has had. submissions.passed and .verdict hold
-- the current one, which every reader uses; rejudging after a lab changed
-- copies the first verdict here, adds the new one, and updates the
-- submission, so no verdict is ever lost.
CREATE TABLE verdict_history (
    id            INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
    verdict       TEXT NOT NULL,
    graded_at     TEXT NOT NULL,
    cause         TEXT NOT NULL CHECK (cause IN ('submitted', 'rejudged'))
);
CREATE INDEX verdict_history_submission ON verdict_history (submission_id, id);
