-- Drill across: bring each fact table to the common grain (store, month) on its own, then
-- join the two small results. A FULL JOIN keeps store-months that only one fact table has,
-- and nothing is multiplied, because each side has one row per store and month.
WITH sales AS (
    SELECT f.store_id, d.month_start,
           sum(f.quantity)   AS units_sold,
           sum(f.net_amount) AS net_sales
    FROM mart.fact_sales AS f
    JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY f.store_id, d.month_start
),
returns AS (
    SELECT f.store_id, d.month_start,
           sum(f.quantity)      AS units_returned,
           sum(f.refund_amount) AS refunds
    FROM mart.fact_returns AS f
    JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY f.store_id, d.month_start
)
SELECT st.store_id,
       st.store_name,
       month_start                                        AS month,
       coalesce(s.units_sold, 0)                          AS units_sold,
       coalesce(s.net_sales, 0)                           AS net_sales,
       coalesce(r.units_returned, 0)                      AS units_returned,
       coalesce(r.refunds, 0)                             AS refunds,
       coalesce(s.net_sales, 0) - coalesce(r.refunds, 0)  AS net_revenue
FROM sales AS s
FULL JOIN returns AS r USING (store_id, month_start)
JOIN mart.dim_store AS st ON st.store_id = store_id
ORDER BY st.store_id, month;
