-- Another correct formulation: compare row counts with distinct key counts.
SELECT count(*) AS rows, count(DISTINCT order_id) AS keys
FROM shop.orders
HAVING count(*) <> count(DISTINCT order_id);

SELECT count(*) AS rows, count(DISTINCT (order_id, line_no)) AS keys
FROM shop.order_items
HAVING count(*) <> count(DISTINCT (order_id, line_no));
