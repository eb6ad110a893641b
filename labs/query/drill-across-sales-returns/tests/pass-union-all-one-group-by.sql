-- Correct too: stack both fact tables at the line grain with zeros for the other table's
-- measures, then one GROUP BY at the store-month grain. No join between facts at all.
WITH lines AS (
    SELECT store_id, date_key, quantity AS units_sold, net_amount AS net_sales,
           0 AS units_returned, 0 AS refunds
    FROM mart.fact_sales
    UNION ALL
    SELECT store_id, date_key, 0, 0, quantity, refund_amount
    FROM mart.fact_returns
)
SELECT l.store_id,
       st.store_name,
       d.month_start                        AS month,
       sum(l.units_sold)                    AS units_sold,
       sum(l.net_sales)                     AS net_sales,
       sum(l.units_returned)                AS units_returned,
       sum(l.refunds)                       AS refunds,
       sum(l.net_sales) - sum(l.refunds)    AS net_revenue
FROM lines AS l
JOIN mart.dim_date AS d ON d.date_key = l.date_key
JOIN mart.dim_store AS st ON st.store_id = l.store_id
GROUP BY l.store_id, st.store_name, d.month_start
ORDER BY l.store_id, month;
