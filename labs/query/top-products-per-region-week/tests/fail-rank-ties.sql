-- Wrong: rank() on revenue alone gives every tied product the same position, so a week where
-- four products tie returns four rows with position 1 instead of three rows 1, 2, 3.
WITH weekly AS (
    SELECT st.region, CAST(date_trunc('week', s.sold_at) AS DATE) AS week_start, s.product_id,
           sum(s.quantity * s.unit_price) AS revenue, sum(s.quantity) AS units
    FROM retail.sales AS s JOIN retail.stores AS st ON st.store_id = s.store_id
    WHERE s.status = 'completed'
    GROUP BY ALL
)
SELECT region, week_start,
       rank() OVER (PARTITION BY region, week_start ORDER BY revenue DESC) AS position,
       product_id, revenue, units
FROM weekly
QUALIFY position <= 3
ORDER BY region, week_start, position, product_id;
