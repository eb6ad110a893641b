-- Fires below 80% of the trailing average instead of the agreed 50%: a normal quiet Sunday
-- is reported as an incident.
SELECT rc.as_of
FROM ops.run_context AS rc
WHERE (SELECT count(*) FROM shop.orders AS o
       WHERE CAST(o.order_ts AS DATE) = CAST(rc.as_of AS DATE) - 1)
    < 0.8 * (SELECT count(*) FROM shop.orders AS o
             WHERE CAST(o.order_ts AS DATE) BETWEEN CAST(rc.as_of AS DATE) - 8
                                             AND CAST(rc.as_of AS DATE) - 2) / 7.0;
