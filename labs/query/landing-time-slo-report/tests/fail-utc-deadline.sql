-- Wrong: compares the UTC landing time with 08:00 as if the consumers lived in UTC. In Seoul
-- 08:00 is 23:00 UTC the evening before, so late Korean loads all look on time, and in New York
-- 08:00 is 12:00 or 13:00 UTC, so on-time loads can look late.
WITH window_days AS (
    SELECT d.dataset, d.consumer_tz, CAST(g.ts AS DATE) AS business_date, rc.report_date
    FROM ops.datasets AS d
    CROSS JOIN ops.report_context AS rc
    CROSS JOIN generate_series(rc.report_date - 30, rc.report_date - 1, INTERVAL 1 DAY) AS g(ts)
),
first_landing AS (
    SELECT dataset, business_date, min(landed_at) AS first_landed_at FROM ops.landings GROUP BY ALL
),
judged AS (
    SELECT w.dataset, w.business_date, w.report_date,
           coalesce(f.first_landed_at <= CAST(w.business_date + 1 AS TIMESTAMP) + INTERVAL 8 HOURS, false) AS on_time
    FROM window_days AS w
    LEFT JOIN first_landing AS f ON f.dataset = w.dataset AND f.business_date = w.business_date
)

SELECT
    dataset,
    count(*) FILTER (WHERE on_time)                                          AS good_days,
    round(100.0 * count(*) FILTER (WHERE on_time) / 30, 2)                   AS attainment_pct,
    round(0.01 * 30 - count(*) FILTER (WHERE NOT on_time), 2)                AS budget_remaining_days,
    round(count(*) FILTER (WHERE NOT on_time AND business_date >= report_date - 7) / 7.0 / 0.01, 2) AS burn_rate_7d
FROM judged
GROUP BY dataset
ORDER BY burn_rate_7d DESC, dataset;
