-- DENSE_RANK: tied products share a rank and the next revenue gets the next rank,
-- so every product among the two highest revenue values of its category is kept.
WITH product_revenue AS (
    SELECT p.category,
           p.product_id,
           p.product_name,
           sum(oi.quantity * oi.unit_price) AS revenue
    FROM shop.order_items AS oi
    JOIN shop.products AS p ON p.product_id = oi.product_id
    GROUP BY p.category, p.product_id, p.product_name
),
ranked AS (
    SELECT *,
           dense_rank() OVER (PARTITION BY category ORDER BY revenue DESC) AS revenue_rank
    FROM product_revenue
)
SELECT category, product_id, product_name, revenue, revenue_rank
FROM ranked
WHERE revenue_rank <= 2
ORDER BY category, revenue_rank, product_id;
