-- Correct too: rank = 1 + number of distinct higher revenues in the same category.
WITH pr AS (
    SELECT p.category, p.product_id, p.product_name, sum(oi.quantity * oi.unit_price) AS revenue
    FROM shop.products p
    JOIN shop.order_items oi USING (product_id)
    GROUP BY ALL
),
r AS (
    SELECT a.*,
           1 + (SELECT count(DISTINCT b.revenue) FROM pr b
                WHERE b.category = a.category AND b.revenue > a.revenue) AS rnk
    FROM pr a
)
SELECT category, product_id, product_name, revenue, rnk
FROM r
WHERE rnk <= 2
ORDER BY category, rnk, product_id;
