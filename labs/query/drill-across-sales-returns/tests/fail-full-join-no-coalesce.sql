-- Wrong: the right join, but the measures of the missing side stay NULL, and so does
-- net_revenue, which is then NULL for every store-month without returns or without sales.
WITH sales AS (
    SELECT f.store_id, d.month_start, sum(f.quantity) AS units_sold, sum(f.net_amount) AS net_sales
    FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY f.store_id, d.month_start
),
returns AS (
    SELECT f.store_id, d.month_start, sum(f.quantity) AS units_returned, sum(f.refund_amount) AS refunds
    FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY f.store_id, d.month_start
)
SELECT st.store_id, st.store_name, month_start AS month,
       s.units_sold, s.net_sales, r.units_returned, r.refunds,
       s.net_sales - r.refunds AS net_revenue
FROM sales AS s
FULL JOIN returns AS r USING (store_id, month_start)
JOIN mart.dim_store AS st ON st.store_id = store_id
ORDER BY st.store_id, month;
