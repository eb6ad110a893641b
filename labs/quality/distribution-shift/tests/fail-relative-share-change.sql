-- Check 1: the mean order amount of the judged day (the day before as_of) lies outside
-- +-30% of the mean order amount over the 7 days before it (all baseline orders pooled).
WITH p AS (
    SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context
),
means AS (
    SELECT
        avg(o.amount_eur) FILTER (WHERE CAST(o.order_ts AS DATE) = p.check_day)  AS mean_day,
        avg(o.amount_eur) FILTER (WHERE CAST(o.order_ts AS DATE)
                                  BETWEEN p.check_day - 7 AND p.check_day - 1)   AS mean_baseline
    FROM shop.orders AS o
    CROSS JOIN p
)
SELECT round(mean_day, 2) AS mean_day, round(mean_baseline, 2) AS mean_baseline
FROM means
WHERE mean_day > 1.3 * mean_baseline
   OR mean_day < 0.7 * mean_baseline;

-- Reads "changes by more than 20" as a relative change of the share (day / baseline - 1)
-- instead of 20 percentage points: a small category such as 'tablet' moving from 14% to 23%
-- is a +67% change and fires on healthy data.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context),
day_shares AS (
    SELECT device, count(*) / sum(count(*)) OVER () AS share
    FROM shop.orders, p
    WHERE CAST(order_ts AS DATE) = p.check_day
    GROUP BY device
),
baseline_shares AS (
    SELECT device, count(*) / sum(count(*)) OVER () AS share
    FROM shop.orders, p
    WHERE CAST(order_ts AS DATE) BETWEEN p.check_day - 7 AND p.check_day - 1
    GROUP BY device
)
SELECT coalesce(d.device, b.device)
FROM day_shares AS d
FULL OUTER JOIN baseline_shares AS b ON b.device = d.device
WHERE b.share IS NULL OR d.share IS NULL
   OR abs(d.share / b.share - 1) > 0.20;
