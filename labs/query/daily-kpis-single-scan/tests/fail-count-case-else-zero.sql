-- Wrong: one scan, but count() counts every non-NULL value, and ELSE 0 is not NULL, so each
-- "count" is the number of all events of the day. sum(CASE ... THEN 1 ELSE 0 END) or
-- count(*) FILTER (WHERE ...) was meant.
SELECT CAST(e.event_ts AS DATE)                                            AS day,
       count(CASE WHEN e.event_type = 'page_view' THEN 1 ELSE 0 END)      AS page_views,
       count(CASE WHEN e.event_type = 'add_to_cart' THEN 1 ELSE 0 END)    AS cart_adds,
       count(CASE WHEN e.event_type = 'purchase' THEN 1 ELSE 0 END)       AS orders,
       count(DISTINCT CASE WHEN e.event_type = 'purchase' THEN e.account_id END) AS buyers,
       sum(CASE WHEN e.event_type = 'purchase' THEN e.amount ELSE 0 END)  AS revenue,
       sum(CASE WHEN e.event_type = 'refund' THEN e.amount ELSE 0 END)    AS refunds
FROM shop.events AS e
LEFT JOIN shop.accounts AS a ON a.account_id = e.account_id
WHERE a.is_staff IS NOT TRUE
GROUP BY 1
ORDER BY day;
