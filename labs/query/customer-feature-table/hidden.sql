-- Hidden dataset: the same table, built two weeks later.
UPDATE ml.run_context SET as_of_date = DATE '2024-06-15';

-- A pending payment went through, and a completed order was cancelled after all.
UPDATE shop.orders SET status = 'completed' WHERE order_id = (SELECT min(order_id) FROM shop.orders WHERE status = 'pending');
UPDATE shop.orders SET status = 'cancelled' WHERE order_id = 9004;

INSERT INTO shop.orders VALUES
    (9010, 200, TIMESTAMP '2024-06-14 22:10:00', 'completed', NULL),    -- first order, not settled yet
    (9011, 200, TIMESTAMP '2024-06-14 22:12:00', 'completed', 18.40),
    (9012, 105, TIMESTAMP '2024-06-03 07:00:00', 'pending',   60.00),   -- still pending: not counted
    (9013, 110, TIMESTAMP '2024-06-15 00:00:00', 'completed', 75.00),   -- exactly at the cut-off: not counted
    (9014, 101, TIMESTAMP '2024-06-10 13:45:00', 'completed', 0.00),    -- a free replacement order
    (9015, 201, TIMESTAMP '2024-06-12 16:00:00', 'completed', 42.00);   -- the first completed order
