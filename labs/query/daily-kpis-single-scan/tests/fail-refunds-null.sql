-- Wrong: a sum over no rows is NULL, so a day without any refund (or without any order)
-- reports NULL instead of 0.
SELECT CAST(e.event_ts AS DATE)                                        AS day,
       count(*) FILTER (WHERE e.event_type = 'page_view')              AS page_views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart')            AS cart_adds,
       count(*) FILTER (WHERE e.event_type = 'purchase')               AS orders,
       count(DISTINCT e.account_id) FILTER (WHERE e.event_type = 'purchase') AS buyers,
       sum(e.amount) FILTER (WHERE e.event_type = 'purchase')          AS revenue,
       sum(e.amount) FILTER (WHERE e.event_type = 'refund')            AS refunds
FROM shop.events AS e
LEFT JOIN shop.accounts AS a ON a.account_id = e.account_id
WHERE a.is_staff IS NOT TRUE
GROUP BY 1
ORDER BY day;
