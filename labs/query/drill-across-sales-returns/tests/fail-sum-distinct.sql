-- Wrong: the fan-out "fixed" with DISTINCT. sum(DISTINCT ...) adds each different amount
-- once, and with a short price list most amounts repeat, so the sums come out far too small.
SELECT st.store_id,
       st.store_name,
       ds.month_start                                      AS month,
       sum(DISTINCT s.quantity)                            AS units_sold,
       sum(DISTINCT s.net_amount)                          AS net_sales,
       coalesce(sum(DISTINCT r.quantity), 0)               AS units_returned,
       coalesce(sum(DISTINCT r.refund_amount), 0)          AS refunds,
       sum(DISTINCT s.net_amount) - coalesce(sum(DISTINCT r.refund_amount), 0) AS net_revenue
FROM mart.fact_sales AS s
JOIN mart.dim_date AS ds ON ds.date_key = s.date_key
JOIN mart.dim_store AS st ON st.store_id = s.store_id
LEFT JOIN (
    mart.fact_returns AS r JOIN mart.dim_date AS dr ON dr.date_key = r.date_key
) ON r.store_id = s.store_id AND dr.month_start = ds.month_start
GROUP BY st.store_id, st.store_name, ds.month_start
ORDER BY st.store_id, month;
