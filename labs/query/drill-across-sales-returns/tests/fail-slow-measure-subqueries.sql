-- Right rows, slow plan: today's report. A list of store-months from both fact tables, then
-- one correlated subquery per measure. Each subquery becomes its own join and aggregate over
-- a fact table, so both facts are read three times and the date dimension six times.
WITH store_months AS (
    SELECT f.store_id, d.month_start
    FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    UNION
    SELECT f.store_id, d.month_start
    FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
)
SELECT sm.store_id,
       st.store_name,
       sm.month_start AS month,
       (SELECT coalesce(sum(f.quantity), 0)
          FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
         WHERE f.store_id = sm.store_id AND d.month_start = sm.month_start) AS units_sold,
       (SELECT coalesce(sum(f.net_amount), 0)
          FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
         WHERE f.store_id = sm.store_id AND d.month_start = sm.month_start) AS net_sales,
       (SELECT coalesce(sum(f.quantity), 0)
          FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
         WHERE f.store_id = sm.store_id AND d.month_start = sm.month_start) AS units_returned,
       (SELECT coalesce(sum(f.refund_amount), 0)
          FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
         WHERE f.store_id = sm.store_id AND d.month_start = sm.month_start) AS refunds,
       (SELECT coalesce(sum(f.net_amount), 0)
          FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
         WHERE f.store_id = sm.store_id AND d.month_start = sm.month_start)
     - (SELECT coalesce(sum(f.refund_amount), 0)
          FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
         WHERE f.store_id = sm.store_id AND d.month_start = sm.month_start) AS net_revenue
FROM store_months AS sm
JOIN mart.dim_store AS st ON st.store_id = sm.store_id
ORDER BY sm.store_id, month;
