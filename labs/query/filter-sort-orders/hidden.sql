-- Hidden dataset: more boundary rows and ties.
INSERT INTO shop.orders VALUES
    -- another 150.00 tie, last day of the month at midnight
    (1021, 24, TIMESTAMP '2024-03-31 00:00:00', 'delivered', 150.00, 'web'),
    -- same amount AND same timestamp as order 1003: only order_id can break the tie
    (1022, 25, TIMESTAMP '2024-03-01 00:00:00', 'shipped',    89.90, 'marketplace'),
    -- one second before March: must stay out
    (1023, 26, TIMESTAMP '2024-02-29 23:59:59', 'delivered', 500.00, 'web'),
    -- one microsecond after March: must stay out
    (1024, 27, TIMESTAMP '2024-04-01 00:00:00.000001', 'shipped', 410.00, 'app');

-- an amount exactly on the threshold, and a status change that removes a top order
UPDATE shop.orders SET total_amount = 50.00 WHERE order_id = 1005;
UPDATE shop.orders SET status = 'returned' WHERE order_id = 1014;
