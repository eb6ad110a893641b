-- Wrong: weeks that start on Sunday (the US convention of many BI tools). Sunday sales move to
-- the next week, and week_start lands on Sundays.
WITH weekly AS (
    SELECT st.region,
           CAST(s.sold_at AS DATE) - CAST(dayofweek(s.sold_at) AS INTEGER) AS week_start,
           s.product_id,
           sum(s.quantity * s.unit_price) AS revenue, sum(s.quantity) AS units
    FROM retail.sales AS s JOIN retail.stores AS st ON st.store_id = s.store_id
    WHERE s.status = 'completed'
    GROUP BY ALL
)
SELECT region, week_start,
       row_number() OVER (PARTITION BY region, week_start ORDER BY revenue DESC, units DESC, product_id) AS position,
       product_id, revenue, units
FROM weekly
QUALIFY position <= 3
ORDER BY region, week_start, position;
