-- Hidden dataset: the check runs one day later, new orders arrive, femi gets a grant,
-- a deny rule is lifted and another one is added.
UPDATE ops.run_context SET as_of = DATE '2024-07-02';

INSERT INTO sales.orders VALUES
    (8100, 'APAC', 'KR', DATE '2024-07-01', 310.00),
    (8101, 'AMER', 'BR', DATE '2024-07-01',  95.00),
    (8102, 'EMEA', 'GB', DATE '2024-07-02', 120.00),
    (8103, 'AMER', 'US', DATE '2024-07-02',  64.00),
    (8104, 'APAC', 'SG', DATE '2024-07-02', 410.00);

INSERT INTO acl.region_grants VALUES
    (10, 'femi', 'EMEA', DATE '2024-07-02', DATE '2024-08-01'),
    (11, 'femi', '*',    DATE '2024-06-01', DATE '2024-07-02'),   -- a temporary all-regions grant that just ended
    (12, 'bo',   'APAC', DATE '2024-01-01', NULL);                -- redundant with bo's '*' grant

-- The audit is over for Brazil, but the Singapore subsidiary is now hidden from chen and bo.
DELETE FROM acl.deny_rules WHERE rule_id = 3;
INSERT INTO acl.deny_rules VALUES
    (5, 'chen', NULL, 'SG', 'Singapore subsidiary: separate entity'),
    (6, 'bo',   'APAC', 'SG', 'Singapore subsidiary: separate entity'),
    (7, NULL,   'EMEA', 'FR', 'French works council agreement: no order-level data');
