-- Wrong: ROW_NUMBER gives tied products different numbers, so a tied product is dropped at random.
WITH product_revenue AS (
    SELECT p.category, p.product_id, p.product_name, sum(oi.quantity * oi.unit_price) AS revenue
    FROM shop.order_items oi
    JOIN shop.products p ON p.product_id = oi.product_id
    GROUP BY p.category, p.product_id, p.product_name
)
SELECT category, product_id, product_name, revenue, rn
FROM (
    SELECT *, row_number() OVER (PARTITION BY category ORDER BY revenue DESC, product_id) AS rn
    FROM product_revenue
)
WHERE rn <= 2
ORDER BY category, rn, product_id;
