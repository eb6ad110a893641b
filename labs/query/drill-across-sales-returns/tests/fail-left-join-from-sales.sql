-- Wrong: pre-aggregated correctly, but the LEFT JOIN starts from the sales, so a store-month
-- with returns and no sales (a store that closed but still books returns) disappears.
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
SELECT st.store_id, st.store_name, s.month_start AS month,
       s.units_sold, s.net_sales,
       coalesce(r.units_returned, 0) AS units_returned,
       coalesce(r.refunds, 0)        AS refunds,
       s.net_sales - coalesce(r.refunds, 0) AS net_revenue
FROM sales AS s
LEFT JOIN returns AS r ON r.store_id = s.store_id AND r.month_start = s.month_start
JOIN mart.dim_store AS st ON st.store_id = s.store_id
ORDER BY st.store_id, month;
