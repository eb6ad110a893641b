-- Hidden dataset: more late and duplicated events in the same pending batches.
INSERT INTO raw.events VALUES
    -- the last millisecond of 3 June, uploaded late
    ('e0308', 3, 'page_view',   TIMESTAMP '2024-06-03 23:59:59.999', NULL, TIMESTAMP '2024-06-06 02:00:00'),
    -- the first add_to_cart of 5 June: a row for a new (day, event type)
    ('e0506', 6, 'add_to_cart', TIMESTAMP '2024-06-05 09:05:00', NULL,  TIMESTAMP '2024-06-06 02:00:00'),
    -- a retry of an event that is itself new in this run
    ('e0502', 6, 'page_view',   TIMESTAMP '2024-06-05 09:00:00', NULL,  TIMESTAMP '2024-06-06 02:00:00'),
    -- a brand-new day, with a retry of its first event inside the same batch
    ('e0601', 3, 'page_view',   TIMESTAMP '2024-06-06 00:30:00', NULL,  TIMESTAMP '2024-06-06 02:00:00'),
    ('e0601', 3, 'page_view',   TIMESTAMP '2024-06-06 00:30:00', NULL,  TIMESTAMP '2024-06-06 14:00:00'),
    ('e0602', 7, 'purchase',    TIMESTAMP '2024-06-06 01:15:00', 5.25,  TIMESTAMP '2024-06-06 02:00:00'),
    -- another late purchase for 4 June by a user who already bought that day
    ('e0409', 5, 'purchase',    TIMESTAMP '2024-06-04 21:00:00', 7.10,  TIMESTAMP '2024-06-06 02:00:00');
