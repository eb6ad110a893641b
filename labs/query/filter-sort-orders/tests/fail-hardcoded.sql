-- Wrong: the visible answer typed in by hand. The hidden dataset has other rows.
SELECT * FROM (VALUES
    (1014, 14, TIMESTAMP '2024-03-24 18:00:00', 'shipped',   310.40),
    (1012, 19, TIMESTAMP '2024-03-06 07:00:00', 'shipped',   150.00),
    (1007, 12, TIMESTAMP '2024-03-07 19:45:00', 'shipped',   150.00),
    (1009, 17, TIMESTAMP '2024-03-12 16:40:00', 'delivered', 150.00),
    (1017, 22, TIMESTAMP '2024-03-31 23:59:59', 'delivered', 135.00),
    (1003, 13, TIMESTAMP '2024-03-01 00:00:00', 'delivered',  89.90),
    (1016, 15, TIMESTAMP '2024-03-31 21:45:00', 'shipped',    88.00),
    (1013, 20, TIMESTAMP '2024-03-21 13:30:00', 'delivered',  64.25),
    (1015, 21, TIMESTAMP '2024-03-27 22:10:00', 'delivered',  64.25),
    (1006, 15, TIMESTAMP '2024-03-05 08:30:00', 'delivered',  50.00)
) AS t(order_id, customer_id, order_ts, status, total_amount);
