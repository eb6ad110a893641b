-- Wrong: buyers counts purchase events, not distinct accounts, so a customer who ordered
-- twice in one day counts twice.
SELECT CAST(e.event_ts AS DATE)                                        AS day,
       count(*) FILTER (WHERE e.event_type = 'page_view')              AS page_views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart')            AS cart_adds,
       count(*) FILTER (WHERE e.event_type = 'purchase')               AS orders,
       count(e.account_id) FILTER (WHERE e.event_type = 'purchase')    AS buyers,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'purchase'), 0)  AS revenue,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'refund'), 0)    AS refunds
FROM shop.events AS e
LEFT JOIN shop.accounts AS a ON a.account_id = e.account_id
WHERE a.is_staff IS NOT TRUE
GROUP BY 1
ORDER BY day;
