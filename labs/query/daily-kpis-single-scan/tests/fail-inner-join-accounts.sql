-- Wrong: an inner join keeps only events whose account still exists, so anonymous events
-- and events of deleted accounts are lost along with the staff.
SELECT CAST(e.event_ts AS DATE)                                        AS day,
       count(*) FILTER (WHERE e.event_type = 'page_view')              AS page_views,
       count(*) FILTER (WHERE e.event_type = 'add_to_cart')            AS cart_adds,
       count(*) FILTER (WHERE e.event_type = 'purchase')               AS orders,
       count(DISTINCT e.account_id) FILTER (WHERE e.event_type = 'purchase') AS buyers,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'purchase'), 0)  AS revenue,
       coalesce(sum(e.amount) FILTER (WHERE e.event_type = 'refund'), 0)    AS refunds
FROM shop.events AS e
JOIN shop.accounts AS a ON a.account_id = e.account_id
WHERE NOT a.is_staff
GROUP BY 1
ORDER BY day;
