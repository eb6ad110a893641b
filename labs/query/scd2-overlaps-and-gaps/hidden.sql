-- Hidden dataset: the dimension a week later, after one fix and two more bad merge runs.
-- 102 was repaired by hand.
UPDATE dim.customer_segments SET valid_to = DATE '2023-07-01' WHERE version_id = 5;
-- Customer 5's middle version was closed three days late.
UPDATE dim.customer_segments SET valid_to = valid_to + 3 WHERE customer_id = 5 AND valid_to IS NOT NULL
   AND version_id = (SELECT min(version_id) + 1 FROM dim.customer_segments WHERE customer_id = 5);
-- Customer 8 lost its middle version; customer 7 lost its current one (it is now a closed history).
DELETE FROM dim.customer_segments
WHERE version_id = (SELECT min(version_id) + 1 FROM dim.customer_segments WHERE customer_id = 8);
DELETE FROM dim.customer_segments WHERE customer_id = 7 AND valid_to IS NULL;

INSERT INTO dim.customer_segments VALUES
    -- 109: one version loaded three times
    (31, 109, 'new',     DATE '2023-04-04', DATE '2023-08-08'),
    (32, 109, 'new',     DATE '2023-04-04', DATE '2023-08-08'),
    (33, 109, 'new',     DATE '2023-04-04', DATE '2023-08-08'),
    (34, 109, 'active',  DATE '2023-08-08', NULL),
    -- 110: the gap starts where the longest earlier version ends, not where the previous one ends
    (35, 110, 'active',  DATE '2023-01-01', DATE '2023-06-01'),
    (36, 110, 'loyal',   DATE '2023-02-01', DATE '2023-03-01'),
    (37, 110, 'at_risk', DATE '2023-07-01', NULL),
    -- 111: a current row, and a closed row inside it
    (38, 111, 'new',     DATE '2023-01-01', NULL),
    (39, 111, 'active',  DATE '2023-03-01', DATE '2023-04-01');
