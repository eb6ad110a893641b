-- Right numbers, slow plan: this is today's dashboard query. Every metric is its own
-- aggregate over shop.events (and shop.accounts), so the tables are scanned once per metric:
-- six times here.
SELECT day,
       coalesce(max(value) FILTER (WHERE metric = 'page_views'), 0) AS page_views,
       coalesce(max(value) FILTER (WHERE metric = 'cart_adds'), 0)  AS cart_adds,
       coalesce(max(value) FILTER (WHERE metric = 'orders'), 0)     AS orders,
       coalesce(max(value) FILTER (WHERE metric = 'buyers'), 0)     AS buyers,
       coalesce(max(value) FILTER (WHERE metric = 'revenue'), 0)    AS revenue,
       coalesce(max(value) FILTER (WHERE metric = 'refunds'), 0)    AS refunds
FROM (
    SELECT CAST(e.event_ts AS DATE) AS day, 'page_views' AS metric, count(*) AS value
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE AND e.event_type = 'page_view'
    GROUP BY 1
    UNION ALL
    SELECT CAST(e.event_ts AS DATE), 'cart_adds', count(*)
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE AND e.event_type = 'add_to_cart'
    GROUP BY 1
    UNION ALL
    SELECT CAST(e.event_ts AS DATE), 'orders', count(*)
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE AND e.event_type = 'purchase'
    GROUP BY 1
    UNION ALL
    SELECT CAST(e.event_ts AS DATE), 'buyers', count(DISTINCT e.account_id)
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE AND e.event_type = 'purchase'
    GROUP BY 1
    UNION ALL
    SELECT CAST(e.event_ts AS DATE), 'revenue', sum(e.amount)
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE AND e.event_type = 'purchase'
    GROUP BY 1
    UNION ALL
    SELECT CAST(e.event_ts AS DATE), 'refunds', sum(e.amount)
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE AND e.event_type = 'refund'
    GROUP BY 1
    UNION ALL
    -- a day with other events only (searches) still gets its row
    SELECT CAST(e.event_ts AS DATE), 'any', count(*)
    FROM shop.events e LEFT JOIN shop.accounts a ON a.account_id = e.account_id
    WHERE a.is_staff IS NOT TRUE
    GROUP BY 1
) AS metrics
GROUP BY day
ORDER BY day;
