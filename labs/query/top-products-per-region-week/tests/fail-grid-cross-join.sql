-- Wrong: builds the full grid of regions x weeks x products with CROSS JOINs and fills the holes
-- with 0. Besides exploding on the real table, it puts products that sold nothing on the list
-- of every thin or empty region-week (islands in the week of 2024-09-16, north before it opened).
WITH weeks AS (
    SELECT DISTINCT CAST(date_trunc('week', sold_at) AS DATE) AS week_start FROM retail.sales
),
regions AS (
    SELECT DISTINCT region FROM retail.stores
),
grid AS (
    SELECT r.region, w.week_start, p.product_id
    FROM regions AS r
    CROSS JOIN weeks AS w
    CROSS JOIN retail.products AS p
),
sold AS (
    SELECT st.region, CAST(date_trunc('week', s.sold_at) AS DATE) AS week_start, s.product_id,
           sum(s.quantity * s.unit_price) AS revenue, sum(s.quantity) AS units
    FROM retail.sales AS s JOIN retail.stores AS st USING (store_id)
    WHERE s.status = 'completed'
    GROUP BY ALL
),
filled AS (
    SELECT g.region, g.week_start, g.product_id,
           coalesce(s.revenue, 0) AS revenue, coalesce(s.units, 0) AS units
    FROM grid AS g
    LEFT JOIN sold AS s USING (region, week_start, product_id)
)
SELECT region, week_start, position, product_id, revenue, units
FROM (
    SELECT *, row_number() OVER (PARTITION BY region, week_start
                                 ORDER BY revenue DESC, units DESC, product_id) AS position
    FROM filled
)
WHERE position <= 3
ORDER BY region, week_start, position;
