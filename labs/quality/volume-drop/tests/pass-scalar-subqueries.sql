-- Another correct formulation: two scalar counts over time ranges. A missing day simply
-- counts 0, and the baseline is divided by the 7 calendar days.
SELECT rc.as_of
FROM ops.run_context AS rc
WHERE (SELECT count(*) FROM shop.orders AS o
       WHERE o.order_ts >= CAST(rc.as_of AS DATE) - 1
         AND o.order_ts <  CAST(rc.as_of AS DATE))
    < 0.5 * (SELECT count(*) FROM shop.orders AS o
             WHERE o.order_ts >= CAST(rc.as_of AS DATE) - 8
               AND o.order_ts <  CAST(rc.as_of AS DATE) - 1) / 7.0;
