-- Correct too: number the orders, then join each order to its neighbours.
WITH c AS (
    SELECT order_id, customer_id, order_ts::DATE AS d,
           row_number() OVER (PARTITION BY customer_id ORDER BY order_ts, order_id) AS n
    FROM shop.orders
    WHERE status = 'completed'
)
SELECT c.customer_id, c.order_id, c.d,
       c.d - p.d AS days_since_previous,
       nx.d - c.d AS days_until_next
FROM c
LEFT JOIN c AS p  ON p.customer_id = c.customer_id AND p.n = c.n - 1
LEFT JOIN c AS nx ON nx.customer_id = c.customer_id AND nx.n = c.n + 1;
