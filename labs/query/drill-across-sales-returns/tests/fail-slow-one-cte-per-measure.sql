-- Right rows, slow plan: the shape a BI semantic layer generates, one aggregate per measure,
-- joined on the store-month. Each fact table is aggregated (and scanned) once per measure it
-- feeds, twice here, where one pass can compute both measures.
WITH units_sold AS (
    SELECT f.store_id, d.month_start, sum(f.quantity) AS units_sold
    FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY ALL
),
net_sales AS (
    SELECT f.store_id, d.month_start, sum(f.net_amount) AS net_sales
    FROM mart.fact_sales AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY ALL
),
units_returned AS (
    SELECT f.store_id, d.month_start, sum(f.quantity) AS units_returned
    FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY ALL
),
refunds AS (
    SELECT f.store_id, d.month_start, sum(f.refund_amount) AS refunds
    FROM mart.fact_returns AS f JOIN mart.dim_date AS d ON d.date_key = f.date_key
    GROUP BY ALL
),
store_months AS (
    SELECT store_id, month_start FROM units_sold
    UNION
    SELECT store_id, month_start FROM units_returned
)
SELECT k.store_id,
       st.store_name,
       k.month_start AS month,
       coalesce(us.units_sold, 0)     AS units_sold,
       coalesce(ns.net_sales, 0)      AS net_sales,
       coalesce(ur.units_returned, 0) AS units_returned,
       coalesce(rf.refunds, 0)        AS refunds,
       coalesce(ns.net_sales, 0) - coalesce(rf.refunds, 0) AS net_revenue
FROM store_months AS k
JOIN mart.dim_store AS st ON st.store_id = k.store_id
LEFT JOIN units_sold AS us     ON us.store_id = k.store_id AND us.month_start = k.month_start
LEFT JOIN net_sales AS ns      ON ns.store_id = k.store_id AND ns.month_start = k.month_start
LEFT JOIN units_returned AS ur ON ur.store_id = k.store_id AND ur.month_start = k.month_start
LEFT JOIN refunds AS rf        ON rf.store_id = k.store_id AND rf.month_start = k.month_start
ORDER BY k.store_id, month;
