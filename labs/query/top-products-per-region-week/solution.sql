-- Aggregate only the sales that exist (completed lines), then number the products inside each
-- region and ISO week with the stated tie rule and keep the first three.
WITH weekly AS (
    SELECT st.region,
           CAST(date_trunc('week', s.sold_at) AS DATE) AS week_start,
           s.product_id,
           sum(s.quantity * s.unit_price)              AS revenue,
           sum(s.quantity)                             AS units
    FROM retail.sales AS s
    JOIN retail.stores AS st ON st.store_id = s.store_id
    WHERE s.status = 'completed'
    GROUP BY st.region, CAST(date_trunc('week', s.sold_at) AS DATE), s.product_id
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY region, week_start
               ORDER BY revenue DESC, units DESC, product_id
           ) AS position
    FROM weekly
)
SELECT region, week_start, position, product_id, revenue, units
FROM ranked
WHERE position <= 3
ORDER BY region, week_start, position;
