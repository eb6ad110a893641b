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

-- Matches the device shares of the two periods with an INNER JOIN: a label that disappears
-- ('mobile') or appears ('smartphone') has no partner and is silently dropped.
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
SELECT d.device, d.share, b.share
FROM day_shares AS d
JOIN baseline_shares AS b ON b.device = d.device
WHERE abs(d.share - b.share) > 0.20;
