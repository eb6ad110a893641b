-- Wrong: forgets to leave out cancelled orders, and uses > instead of "at least".
SELECT p.category,
       count(DISTINCT oi.order_id)                AS order_count,
       sum(oi.quantity)                           AS units,
       round(sum(oi.quantity * oi.unit_price), 2) AS revenue
FROM shop.order_items oi
JOIN shop.products p ON p.product_id = oi.product_id
GROUP BY p.category
HAVING sum(oi.quantity * oi.unit_price) > 500
ORDER BY revenue DESC, p.category;
