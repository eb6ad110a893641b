-- Visible dataset: a type 2 customer-segment dimension produced by a merge job that was changed
-- twice last quarter. Validity is half-open [valid_from, valid_to); NULL valid_to = current row.
CREATE SCHEMA dim;

CREATE TABLE dim.customer_segments (
    version_id   INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    segment      VARCHAR NOT NULL,
    valid_from   DATE NOT NULL,
    valid_to     DATE,                 -- exclusive; NULL = still valid
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- Customers 1..12: clean histories of three versions each, every version ending exactly where
-- the next one starts, the last one current.
INSERT INTO dim.customer_segments
SELECT 1000 + c * 10 + v,
       c,
       CASE (c + v) % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'active' WHEN 2 THEN 'loyal' ELSE 'at_risk' END,
       DATE '2023-01-01' + CAST(c * 11 + v * 97 AS INTEGER),
       CASE WHEN v = 2 THEN NULL ELSE DATE '2023-01-01' + CAST(c * 11 + (v + 1) * 97 AS INTEGER) END
FROM range(1, 13) AS a(c), range(0, 3) AS b(v);

-- Customers with problems, by hand.
INSERT INTO dim.customer_segments VALUES
    -- 101: a gap of two months between the second and third version
    (1, 101, 'new',     DATE '2023-01-01', DATE '2023-03-01'),
    (2, 101, 'active',  DATE '2023-03-01', DATE '2023-06-01'),
    (3, 101, 'loyal',   DATE '2023-08-01', NULL),
    -- 102: the second version was closed too late and overlaps the third by ten days
    (4, 102, 'new',     DATE '2023-02-01', DATE '2023-04-01'),
    (5, 102, 'active',  DATE '2023-04-01', DATE '2023-07-11'),
    (6, 102, 'at_risk', DATE '2023-07-01', NULL),
    -- 103: a long version overlaps two later ones, which touch each other; nothing is uncovered
    (7, 103, 'active',  DATE '2023-01-01', DATE '2023-12-01'),
    (8, 103, 'loyal',   DATE '2023-02-01', DATE '2023-03-01'),
    (9, 103, 'at_risk', DATE '2023-03-01', DATE '2023-05-01'),
    (10, 103, 'active', DATE '2023-06-01', NULL),
    -- 104: two current rows (the old one was never closed)
    (11, 104, 'new',    DATE '2023-01-15', NULL),
    (12, 104, 'active', DATE '2023-05-20', NULL),
    -- 105: one version loaded twice
    (13, 105, 'loyal',  DATE '2023-03-03', DATE '2023-09-09'),
    (14, 105, 'loyal',  DATE '2023-03-03', DATE '2023-09-09'),
    (15, 105, 'active', DATE '2023-09-09', NULL),
    -- 106: a closed customer (no current row): the end of its history is not a gap
    (16, 106, 'active', DATE '2023-01-01', DATE '2023-04-01'),
    (17, 106, 'churned', DATE '2023-04-01', DATE '2023-10-01'),
    -- 107: a one-day gap, then an overlap
    (18, 107, 'new',    DATE '2023-01-01', DATE '2023-03-01'),
    (19, 107, 'active', DATE '2023-03-02', DATE '2023-06-15'),
    (20, 107, 'loyal',  DATE '2023-06-01', NULL),
    -- 108: a single current version
    (21, 108, 'new',    DATE '2023-11-11', NULL);
