-- Hidden dataset: a redelivered CDC row, another same-timestamp tie, a late-arriving delete
-- and a customer deleted right after being updated.
INSERT INTO crm.customer_changes VALUES
    (16,  107, 'I', 'xavi@example.com',   'Madrid',   'bronze', TIMESTAMP '2024-03-03 07:30:00'),  -- redelivered duplicate
    (17,  106, 'U', 'wen@example.com',    'Tainan',   'gold',   TIMESTAMP '2024-03-04 09:00:00'),
    (18,  106, 'U', 'wen.li@example.com', 'Tainan',   NULL,     TIMESTAMP '2024-03-04 09:00:00'),
    (19,  104, 'U', 'uma@example.com',    'Mumbai',   'silver', TIMESTAMP '2024-03-06 12:00:00'),
    (20,  104, 'D', NULL,                 NULL,       NULL,     TIMESTAMP '2024-03-06 12:00:01'),
    (21,  108, 'I', 'yara@example.com',   'Cairo',    'bronze', TIMESTAMP '2024-03-07 08:00:00'),
    -- a delete that happened before the re-signup of 105 but was logged later: 105 stays
    (22,  105, 'D', NULL,                 NULL,       NULL,     TIMESTAMP '2024-03-01 00:00:00'),
    (23,  102, 'U', 'sam.hill@example.com', NULL,     'gold',   TIMESTAMP '2024-03-08 10:00:00');
