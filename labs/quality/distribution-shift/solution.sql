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

-- Check 2: the share of any device value moves by more than 20 percentage points between the
-- baseline and the judged day. A value missing on one side has a share of 0 there, so the two
-- sides are matched with a FULL OUTER JOIN: an INNER JOIN would hide a label that disappeared
-- or a label that is new.
WITH p AS (
    SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context
),
tagged AS (
    SELECT
        o.device,
        CASE
            WHEN CAST(o.order_ts AS DATE) = p.check_day THEN 'day'
            WHEN CAST(o.order_ts AS DATE) BETWEEN p.check_day - 7 AND p.check_day - 1 THEN 'baseline'
        END AS period
    FROM shop.orders AS o
    CROSS JOIN p
),
shares AS (
    SELECT period, device, count(*) / sum(count(*)) OVER (PARTITION BY period) AS share
    FROM tagged
    WHERE period IS NOT NULL
    GROUP BY period, device
),
day_shares AS (SELECT device, share FROM shares WHERE period = 'day'),
baseline_shares AS (SELECT device, share FROM shares WHERE period = 'baseline')
SELECT
    coalesce(d.device, b.device)          AS device,
    round(coalesce(d.share, 0), 3)        AS share_day,
    round(coalesce(b.share, 0), 3)        AS share_baseline
FROM day_shares AS d
FULL OUTER JOIN baseline_shares AS b ON b.device = d.device
WHERE abs(coalesce(d.share, 0) - coalesce(b.share, 0)) > 0.20;
