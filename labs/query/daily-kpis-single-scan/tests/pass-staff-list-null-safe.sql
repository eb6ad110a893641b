-- Correct too: NOT IN is safe here once the NULL account_id of anonymous events is let
-- through explicitly.
SELECT CAST(e.event_ts AS DATE)                                        AS day,
       count(*) FILTER (WHERE e.event_type = 'page_view')              AS page_views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart')            AS cart_adds,
       count(*) FILTER (WHERE e.event_type = 'purchase')               AS orders,
       count(DISTINCT e.account_id) FILTER (WHERE e.event_type = 'purchase') AS buyers,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'purchase'), 0)  AS revenue,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'refund'), 0)    AS refunds
FROM shop.events AS e
WHERE e.account_id IS NULL
   OR e.account_id NOT IN (SELECT account_id FROM shop.accounts WHERE is_staff)
GROUP BY ALL
ORDER BY day;
