-- Wrong: no status filter, so cancelled lines add revenue (and a product that was only ever
-- cancelled can make the list).
WITH weekly AS (
    SELECT st.region, CAST(date_trunc('week', s.sold_at) AS DATE) AS week_start, s.product_id,
           sum(s.quantity * s.unit_price) AS revenue, sum(s.quantity) AS units
    FROM retail.sales AS s JOIN retail.stores AS st ON st.store_id = s.store_id
    GROUP BY ALL
)
SELECT region, week_start,
       row_number() OVER (PARTITION BY region, week_start ORDER BY revenue DESC, units DESC, product_id) AS position,
       product_id, revenue, units
FROM weekly
QUALIFY position <= 3
ORDER BY region, week_start, position;
