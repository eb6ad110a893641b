-- Also correct: aggregate and rank in one SELECT with QUALIFY; the window runs over the grouped
-- rows. Only sales that exist are ranked, so thin weeks simply return fewer rows.
SELECT st.region,
       CAST(date_trunc('week', s.sold_at) AS DATE) AS week_start,
       row_number() OVER (
           PARTITION BY st.region, CAST(date_trunc('week', s.sold_at) AS DATE)
           ORDER BY sum(s.quantity * s.unit_price) DESC, sum(s.quantity) DESC, s.product_id ASC
       ) AS position,
       s.product_id,
       sum(s.quantity * s.unit_price) AS revenue,
       sum(s.quantity) AS units
FROM retail.sales AS s
JOIN retail.stores AS st USING (store_id)
WHERE s.status = 'completed'
GROUP BY st.region, CAST(date_trunc('week', s.sold_at) AS DATE), s.product_id
QUALIFY position <= 3
ORDER BY region, week_start, position;
