-- Wrong: breaks revenue ties by product_id straight away and skips the units rule, so among the
-- products tied at 100.00 the one that sold 2 units outranks the ones that sold 4.
WITH weekly AS (
    SELECT st.region, CAST(date_trunc('week', s.sold_at) AS DATE) AS week_start, s.product_id,
           sum(s.quantity * s.unit_price) AS revenue, sum(s.quantity) AS units
    FROM retail.sales AS s JOIN retail.stores AS st ON st.store_id = s.store_id
    WHERE s.status = 'completed'
    GROUP BY ALL
)
SELECT region, week_start,
       row_number() OVER (PARTITION BY region, week_start ORDER BY revenue DESC, product_id) AS position,
       product_id, revenue, units
FROM weekly
QUALIFY position <= 3
ORDER BY region, week_start, position;
