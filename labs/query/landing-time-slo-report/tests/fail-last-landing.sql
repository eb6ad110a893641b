-- Wrong: judges a date by its latest landing. A correction loaded in the afternoon does not make
-- the morning's data late: the consumers had their data at the first landing.
WITH window_days AS (
    SELECT d.dataset, d.consumer_tz, CAST(g.ts AS DATE) AS business_date, rc.report_date
    FROM ops.datasets AS d
    CROSS JOIN ops.report_context AS rc
    CROSS JOIN generate_series(rc.report_date - 30, rc.report_date - 1, INTERVAL 1 DAY) AS g(ts)
),
last_landing AS (
    SELECT dataset, business_date, max(landed_at) AS landed_at FROM ops.landings GROUP BY ALL
),
judged AS (
    SELECT w.dataset, w.business_date, w.report_date,
           coalesce(timezone(w.consumer_tz, timezone('UTC', f.landed_at))
                    <= CAST(w.business_date + 1 AS TIMESTAMP) + INTERVAL 8 HOURS, false) AS on_time
    FROM window_days AS w
    LEFT JOIN last_landing AS f ON f.dataset = w.dataset AND f.business_date = w.business_date
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
