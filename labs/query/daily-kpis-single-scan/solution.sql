-- One scan of the events: every metric is an aggregate with its own FILTER, so each event
-- is read once and counted only by the metrics it belongs to. Staff are removed with a LEFT
-- JOIN, which keeps anonymous events and events of deleted accounts (no account row).
SELECT CAST(e.event_ts AS DATE)                                        AS day,
       count(*) FILTER (WHERE e.event_type = 'page_view')              AS page_views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart')            AS cart_adds,
       count(*) FILTER (WHERE e.event_type = 'purchase')               AS orders,
       count(DISTINCT e.account_id) FILTER (WHERE e.event_type = 'purchase') AS buyers,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'purchase'), 0)  AS revenue,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'refund'), 0)    AS refunds
FROM shop.events AS e
LEFT JOIN shop.accounts AS a ON a.account_id = e.account_id
WHERE a.is_staff IS NOT TRUE
GROUP BY CAST(e.event_ts AS DATE)
ORDER BY day;
