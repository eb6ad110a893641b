-- Wrong: count(*) counts order lines, not orders (an order with two garden items counts twice).
SELECT p.category,
       count(*)                                   AS order_count,
       sum(oi.quantity)                           AS units,
       round(sum(oi.quantity * oi.unit_price), 2) AS revenue
FROM shop.order_items oi
JOIN shop.orders o ON o.order_id = oi.order_id
JOIN shop.products p ON p.product_id = oi.product_id
WHERE o.status <> 'cancelled'
GROUP BY p.category
HAVING sum(oi.quantity * oi.unit_price) >= 500
ORDER BY revenue DESC, p.category;
