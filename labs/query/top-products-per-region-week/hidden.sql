-- Hidden dataset: later corrections and new lines change the rankings.
-- The payment provider reports a batch of chargebacks: those lines are cancelled.
UPDATE retail.sales SET status = 'cancelled' WHERE sale_id >= 10000 AND sale_id % 23 = 0;

INSERT INTO retail.sales VALUES
    -- islands, week of 2024-09-02: one more sale lifts product 8 to the top
    (15, 13, 8, TIMESTAMP '2024-09-07 10:00:00', 1, 50.00, 'completed'),
    -- islands reopens in the week of 2024-09-16: two products tie on revenue and units
    (16, 13, 20, TIMESTAMP '2024-09-19 10:00:00', 2, 15.00, 'completed'),
    (17, 13, 18, TIMESTAMP '2024-09-20 10:00:00', 2, 15.00, 'completed'),
    (18, 13, 19, TIMESTAMP '2024-09-22 23:59:59', 1, 12.00, 'completed'),   -- Sunday night: this week
    (19, 13, 17, TIMESTAMP '2024-09-23 00:00:00', 1, 99.00, 'completed'),   -- Monday midnight: next week
    -- islands, week of 2024-09-30: a single free sample (revenue 0.00) is still a sale
    (20, 13, 4, TIMESTAMP '2024-10-01 09:00:00', 1, 0.00, 'completed'),
    -- a large north order that is cancelled the same day
    (21, 10, 1, TIMESTAMP '2024-09-30 12:00:00', 40, 44.99, 'cancelled'),
    -- a late Sunday rush in the west
    (22, 8, 2, TIMESTAMP '2024-10-06 23:59:59', 30, 40.99, 'completed');
