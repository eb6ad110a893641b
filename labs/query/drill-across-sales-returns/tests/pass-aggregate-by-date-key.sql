-- Correct too: aggregate each fact table by store and day first (its own keys only), then
-- roll the days up to months through the date dimension after the FULL JOIN.
WITH s AS (
    SELECT store_id, date_key, sum(quantity) AS units_sold, sum(net_amount) AS net_sales
    FROM mart.fact_sales GROUP BY store_id, date_key
),
r AS (
    SELECT store_id, date_key, sum(quantity) AS units_returned, sum(refund_amount) AS refunds
    FROM mart.fact_returns GROUP BY store_id, date_key
),
daily AS (
    SELECT coalesce(s.store_id, r.store_id) AS store_id,
           coalesce(s.date_key, r.date_key) AS date_key,
           coalesce(s.units_sold, 0) AS units_sold, coalesce(s.net_sales, 0) AS net_sales,
           coalesce(r.units_returned, 0) AS units_returned, coalesce(r.refunds, 0) AS refunds
    FROM s FULL JOIN r ON r.store_id = s.store_id AND r.date_key = s.date_key
)
SELECT st.store_id, st.store_name, d.month_start AS month,
       sum(units_sold), sum(net_sales), sum(units_returned), sum(refunds),
       sum(net_sales) - sum(refunds)
FROM daily
JOIN mart.dim_date AS d USING (date_key)
JOIN mart.dim_store AS st USING (store_id)
GROUP BY st.store_id, st.store_name, d.month_start
ORDER BY st.store_id, month;
