-- The learner's lab and guide pages (issue 14): a draft per learner and
-- lab, and the ticks of each guide's checklist, per learner and guide.
-- PostgreSQL text of migrations/007_lab_pages.sql (see 001 for the rule).
CREATE TABLE lab_drafts (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lab_id     TEXT COLLATE "C" NOT NULL,
    body       TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, lab_id)
);

CREATE TABLE guide_checks (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    guide_key  TEXT COLLATE "C" NOT NULL,
    item       INTEGER NOT NULL CHECK (item >= 0),
    checked_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, guide_key, item)
);
