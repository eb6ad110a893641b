-- Wrong: the report as it was first written. Joining both fact tables to the same
-- store-month pairs every sale line with every return line of that store and month, so the
-- sales are multiplied by the number of returns and the returns by the number of sales.
SELECT st.store_id,
       st.store_name,
       ds.month_start                                      AS month,
       sum(s.quantity)                                     AS units_sold,
       sum(s.net_amount)                                   AS net_sales,
       coalesce(sum(r.quantity), 0)                        AS units_returned,
       coalesce(sum(r.refund_amount), 0)                   AS refunds,
       sum(s.net_amount) - coalesce(sum(r.refund_amount), 0) AS net_revenue
FROM mart.fact_sales AS s
JOIN mart.dim_date AS ds ON ds.date_key = s.date_key
JOIN mart.dim_store AS st ON st.store_id = s.store_id
LEFT JOIN (
    mart.fact_returns AS r JOIN mart.dim_date AS dr ON dr.date_key = r.date_key
) ON r.store_id = s.store_id AND dr.month_start = ds.month_start
GROUP BY st.store_id, st.store_name, ds.month_start
ORDER BY st.store_id, month;
