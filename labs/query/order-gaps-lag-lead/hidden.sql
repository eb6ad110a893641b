-- Hidden dataset: a year boundary, three orders on one day, a cancellation in the middle of a
-- sequence and a customer whose only completed order is surrounded by cancelled ones.
INSERT INTO shop.orders VALUES
    (16, 407, TIMESTAMP '2023-12-31 23:59:00', 'completed'),
    (17, 407, TIMESTAMP '2024-01-01 00:01:00', 'completed'),
    (18, 407, TIMESTAMP '2024-01-01 08:00:00', 'completed'),
    (19, 407, TIMESTAMP '2024-01-01 20:00:00', 'completed'),
    (20, 408, TIMESTAMP '2024-01-03 09:00:00', 'cancelled'),
    (21, 408, TIMESTAMP '2024-01-04 09:00:00', 'completed'),
    (22, 408, TIMESTAMP '2024-01-05 09:00:00', 'cancelled'),
    (23, 405, TIMESTAMP '2024-02-02 10:00:00', 'completed');

UPDATE shop.orders SET status = 'cancelled' WHERE order_id = 4;
