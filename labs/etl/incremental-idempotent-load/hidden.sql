-- Hidden dataset: one more extract arrives before the load runs, with more edge cases.
INSERT INTO staging.orders_extract VALUES
    -- a new order seen twice in the same extract: keep the newer updated_at
    (1011, 19, 'pending',    25.00, TIMESTAMP '2024-05-03 13:00:00', TIMESTAMP '2024-05-03 18:00:00'),
    (1011, 19, 'paid',       25.00, TIMESTAMP '2024-05-03 16:00:00', TIMESTAMP '2024-05-03 18:00:00'),
    -- a stale re-send of an order the warehouse already holds in a newer version
    (1007, 16, 'pending',    42.00, TIMESTAMP '2024-05-01 23:00:00', TIMESTAMP '2024-05-03 18:00:00'),
    -- a later extract carrying an OLDER version than an earlier extract (replica lag): updated_at decides
    (1009, 17, 'cancelled',  64.00, TIMESTAMP '2024-05-03 08:00:00', TIMESTAMP '2024-05-03 18:00:00'),
    -- a real change of an old order
    (1004, 11, 'refunded',   80.00, TIMESTAMP '2024-05-03 17:30:00', TIMESTAMP '2024-05-03 18:00:00'),
    -- a new order whose amount is not known yet
    (1012, 20, 'pending',     NULL, TIMESTAMP '2024-05-03 17:45:00', TIMESTAMP '2024-05-03 18:00:00'),
    -- another removed test order, from an extract loaded long ago
    (1013, 99, 'paid',        2.00, TIMESTAMP '2024-04-30 23:00:00', TIMESTAMP '2024-05-01 06:00:00');
