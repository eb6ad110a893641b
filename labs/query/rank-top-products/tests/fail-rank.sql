-- Wrong: RANK skips numbers after a tie (1, 1, 3), so the second-best revenue disappears
-- when two products share first place.
WITH product_revenue AS (
    SELECT p.category, p.product_id, p.product_name, sum(oi.quantity * oi.unit_price) AS revenue
    FROM shop.order_items oi
    JOIN shop.products p ON p.product_id = oi.product_id
    GROUP BY p.category, p.product_id, p.product_name
)
SELECT category, product_id, product_name, revenue, rnk
FROM (
    SELECT *, rank() OVER (PARTITION BY category ORDER BY revenue DESC) AS rnk
    FROM product_revenue
)
WHERE rnk <= 2
ORDER BY category, rnk, product_id;
