-- Overfitted: the mean amount is held to a fixed euro band read off the visible week, whose
-- baskets average about 58 EUR, instead of a band around the baseline mean. Below 35 or above
-- 100 EUR catches both amount incidents here, but a week with bigger baskets sits above 100 on
-- a healthy day, and a collapse there can stay above 35.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context)
SELECT round(avg(o.amount_eur), 2) AS mean_day
FROM shop.orders AS o, p
WHERE CAST(o.order_ts AS DATE) = p.check_day
HAVING avg(o.amount_eur) < 35 OR avg(o.amount_eur) > 100;

-- The device mix, as agreed: shares per period, matched with a FULL OUTER JOIN.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS check_day FROM ops.run_context),
tagged AS (
    SELECT o.device,
           CASE WHEN CAST(o.order_ts AS DATE) = p.check_day THEN 'day'
                WHEN CAST(o.order_ts AS DATE) BETWEEN p.check_day - 7 AND p.check_day - 1 THEN 'baseline'
           END AS period
    FROM shop.orders AS o, p
),
shares AS (
    SELECT period, device, count(*) / sum(count(*)) OVER (PARTITION BY period) AS share
    FROM tagged
    WHERE period IS NOT NULL
    GROUP BY period, device
)
SELECT coalesce(d.device, b.device) AS device
FROM (SELECT * FROM shares WHERE period = 'day') AS d
FULL OUTER JOIN (SELECT * FROM shares WHERE period = 'baseline') AS b ON b.device = d.device
WHERE abs(coalesce(d.share, 0) - coalesce(b.share, 0)) > 0.20;
