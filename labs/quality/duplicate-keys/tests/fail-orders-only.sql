-- Only checks the orders table: a duplicated line item goes unnoticed.
SELECT order_id, count(*) AS copies
FROM shop.orders
GROUP BY order_id
HAVING count(*) > 1;
