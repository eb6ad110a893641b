SELECT p.category,
       count(DISTINCT oi.order_id)                AS order_count,
       sum(oi.quantity)                           AS units,
       round(sum(oi.quantity * oi.unit_price), 2) AS revenue
FROM shop.order_items AS oi
JOIN shop.orders   AS o ON o.order_id = oi.order_id
JOIN shop.products AS p ON p.product_id = oi.product_id
WHERE o.status <> 'cancelled'
GROUP BY p.category
HAVING sum(oi.quantity * oi.unit_price) >= 500
ORDER BY revenue DESC, p.category;
