-- Right numbers, slow plan: a list of days, then one correlated subquery per metric.
-- DuckDB turns each subquery into a join with its own aggregate over shop.events, so the
-- events are scanned once for the days and once more for every metric.
SELECT d.day,
       (SELECT count(*) FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
         WHERE a.is_staff IS NOT TRUE AND e.event_type = 'page_view' AND CAST(e.event_ts AS DATE) = d.day) AS page_views,
       (SELECT count(*) FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
         WHERE a.is_staff IS NOT TRUE AND e.event_type = 'add_to_cart' AND CAST(e.event_ts AS DATE) = d.day) AS cart_adds,
       (SELECT count(*) FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
         WHERE a.is_staff IS NOT TRUE AND e.event_type = 'purchase' AND CAST(e.event_ts AS DATE) = d.day) AS orders,
       (SELECT count(DISTINCT e.account_id) FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
         WHERE a.is_staff IS NOT TRUE AND e.event_type = 'purchase' AND CAST(e.event_ts AS DATE) = d.day) AS buyers,
       (SELECT coalesce(sum(e.amount), 0) FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
         WHERE a.is_staff IS NOT TRUE AND e.event_type = 'purchase' AND CAST(e.event_ts AS DATE) = d.day) AS revenue,
       (SELECT coalesce(sum(e.amount), 0) FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
         WHERE a.is_staff IS NOT TRUE AND e.event_type = 'refund' AND CAST(e.event_ts AS DATE) = d.day) AS refunds
FROM (
    SELECT DISTINCT CAST(e.event_ts AS DATE) AS day
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE
) AS d
ORDER BY d.day;
