-- Hidden dataset: orders on the first and last instants of the window and of the months,
-- a day that loses all its orders, and a status change.
INSERT INTO shop.orders VALUES
    (20, 313, TIMESTAMP '2024-02-01 00:00:00', 'paid',       33.30),
    (21, 314, TIMESTAMP '2024-02-20 00:00:00', 'paid',        5.00),
    (22, 315, TIMESTAMP '2024-03-10 23:59:59', 'paid',       70.00),
    (23, 316, TIMESTAMP '2024-02-29 12:00:00', 'paid',        0.50),
    (24, 317, TIMESTAMP '2024-03-02 10:00:00', 'cancelled',  90.00),
    (25, 318, TIMESTAMP '2024-01-15 10:00:00', 'paid',      999.00);

DELETE FROM shop.orders WHERE order_id = 10;                  -- 26 February becomes empty
UPDATE shop.orders SET status = 'paid' WHERE order_id = 11;   -- the cancelled order was paid after all
