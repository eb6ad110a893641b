-- Hidden dataset: a December 2023 cohort (year boundary), a May 2024 column for every cohort,
-- and a cancelled order that turns out to be completed (customer 8 moves to the January cohort).
INSERT INTO shop.orders VALUES
    (31, 15, TIMESTAMP '2023-12-15 10:00:00', 'completed'),
    (32, 15, TIMESTAMP '2024-01-15 10:00:00', 'completed'),
    (33, 16, TIMESTAMP '2023-12-31 23:00:00', 'completed'),
    (34, 16, TIMESTAMP '2024-05-02 10:00:00', 'completed'),
    (35, 1,  TIMESTAMP '2024-05-03 10:00:00', 'completed'),
    (36, 9,  TIMESTAMP '2024-05-04 10:00:00', 'completed'),
    (37, 10, TIMESTAMP '2024-05-04 11:00:00', 'completed'),
    (38, 17, TIMESTAMP '2024-05-31 23:59:59', 'completed'),
    (39, 18, TIMESTAMP '2024-06-01 00:00:00', 'cancelled');

UPDATE shop.orders SET status = 'completed' WHERE order_id = 4;
