-- Wrong: for an anonymous event account_id is NULL, and "NULL NOT IN (...)" is NULL, not
-- true, so every anonymous page view and search disappears from the counts.
SELECT CAST(e.event_ts AS DATE)                                        AS day,
       count(*) FILTER (WHERE e.event_type = 'page_view')              AS page_views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart')            AS cart_adds,
       count(*) FILTER (WHERE e.event_type = 'purchase')               AS orders,
       count(DISTINCT e.account_id) FILTER (WHERE e.event_type = 'purchase') AS buyers,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'purchase'), 0)  AS revenue,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'refund'), 0)    AS refunds
FROM shop.events AS e
WHERE e.account_id NOT IN (SELECT account_id FROM shop.accounts WHERE is_staff)
GROUP BY 1
ORDER BY day;
