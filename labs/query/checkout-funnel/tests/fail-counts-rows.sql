-- Wrong: respects the order but counts joined event rows, so repeated views, carts and
-- purchases are counted several times.
WITH s AS (
    SELECT
      (SELECT count(*) FROM web.funnel_events WHERE event_type = 'view') AS s1,
      (SELECT count(*) FROM web.funnel_events v
         JOIN web.funnel_events c ON c.user_id = v.user_id AND c.event_type = 'add_to_cart' AND c.event_ts >= v.event_ts
       WHERE v.event_type = 'view') AS s2,
      (SELECT count(*) FROM web.funnel_events v
         JOIN web.funnel_events c ON c.user_id = v.user_id AND c.event_type = 'add_to_cart' AND c.event_ts >= v.event_ts
         JOIN web.funnel_events k ON k.user_id = v.user_id AND k.event_type = 'checkout' AND k.event_ts >= c.event_ts
       WHERE v.event_type = 'view') AS s3,
      (SELECT count(*) FROM web.funnel_events v
         JOIN web.funnel_events c ON c.user_id = v.user_id AND c.event_type = 'add_to_cart' AND c.event_ts >= v.event_ts
         JOIN web.funnel_events k ON k.user_id = v.user_id AND k.event_type = 'checkout' AND k.event_ts >= c.event_ts
         JOIN web.funnel_events p ON p.user_id = v.user_id AND p.event_type = 'purchase' AND p.event_ts >= k.event_ts
       WHERE v.event_type = 'view') AS s4
)
SELECT * FROM (
    SELECT 1, 'view', s1, 100.0, 100.0 FROM s
    UNION ALL SELECT 2, 'add_to_cart', s2, round(s2 * 100.0 / s1, 1), round(s2 * 100.0 / s1, 1) FROM s
    UNION ALL SELECT 3, 'checkout',    s3, round(s3 * 100.0 / s2, 1), round(s3 * 100.0 / s1, 1) FROM s
    UNION ALL SELECT 4, 'purchase',    s4, round(s4 * 100.0 / s3, 1), round(s4 * 100.0 / s1, 1) FROM s
) ORDER BY 1;
