-- The learner's lab and guide pages (issue 14): a draft per learner and
-- lab, so what is typed in the editor survives a hint, a reload and a
-- return; and the ticks of each guide's checklist, per learner and guide
-- (by translation key: both languages share one checklist, item by item).
CREATE TABLE lab_drafts (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lab_id     TEXT NOT NULL,
    body       TEXT NOT NULL,           -- the editor's text, SQL or a program
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, lab_id)
);

CREATE TABLE guide_checks (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    guide_key  TEXT NOT NULL,           -- the guide's translation key
    item       INTEGER NOT NULL CHECK (item >= 0),  -- 0-based position in its checklist
    checked_at TEXT NOT NULL,
    PRIMARY KEY (user_id, guide_key, item)
);
