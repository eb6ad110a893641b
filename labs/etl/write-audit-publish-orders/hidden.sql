-- Hidden dataset: the next run processes another batch, in which exactly 5% of the rows fail.
UPDATE ops.run_context SET batch_id = 'b-2024-06-04';

INSERT INTO landing.orders
SELECT 'b-2024-06-04', 50201 + i, 100 + (i * 13) % 45, DATE '2024-06-04',
       CAST(15 + (i * 29) % 160 + 0.25 AS DECIMAL(10, 2)), ['USD', 'EUR', 'KRW', 'EUR'][1 + i % 4]
FROM range(0, 100) AS t(i);

UPDATE landing.orders SET order_id = NULL                       WHERE batch_id = 'b-2024-06-04' AND order_id = 50210;
UPDATE landing.orders SET order_id = 50230                      WHERE batch_id = 'b-2024-06-04' AND order_id = 50231;  -- two rows with id 50230
UPDATE landing.orders SET order_id = 49950, currency = 'usd'    WHERE batch_id = 'b-2024-06-04' AND order_id = 50250;  -- replay, and a bad currency
UPDATE landing.orders SET currency = NULL                       WHERE batch_id = 'b-2024-06-04' AND order_id = 50270;
-- Big but valid orders, and an order of a customer who signed up yesterday.
UPDATE landing.orders SET amount = 98000.00, currency = 'KRW'   WHERE batch_id = 'b-2024-06-04' AND order_id = 50280;
INSERT INTO dw.customers VALUES (145, 'KR');
UPDATE landing.orders SET customer_id = 145                     WHERE batch_id = 'b-2024-06-04' AND order_id = 50290;
