-- Correct too: aggregate in a CTE, then filter with WHERE instead of HAVING.
WITH per_category AS (
    SELECT p.category,
           count(DISTINCT o.order_id)        AS order_count,
           sum(oi.quantity)                  AS units,
           sum(oi.quantity * oi.unit_price)  AS revenue
    FROM shop.orders o
    JOIN shop.order_items oi USING (order_id)
    JOIN shop.products p USING (product_id)
    WHERE o.status IN ('paid', 'shipped', 'delivered')
    GROUP BY p.category
)
SELECT category, order_count, units, round(revenue, 2)
FROM per_category
WHERE revenue >= 500
ORDER BY revenue DESC, category;
