-- Wrong: judges only the business dates that have a landing row. A date that never landed is the
-- worst possible miss, yet here it disappears: the broken CRM pipeline reports a perfect week.
WITH first_landing AS (
    SELECT l.dataset, l.business_date, min(l.landed_at) AS first_landed_at
    FROM ops.landings AS l, ops.report_context AS rc
    WHERE l.business_date BETWEEN rc.report_date - 30 AND rc.report_date - 1
    GROUP BY ALL
),
judged AS (
    SELECT f.dataset, f.business_date, rc.report_date,
           timezone(d.consumer_tz, timezone('UTC', f.first_landed_at))
               <= CAST(f.business_date + 1 AS TIMESTAMP) + INTERVAL 8 HOURS AS on_time
    FROM first_landing AS f
    JOIN ops.datasets AS d ON d.dataset = f.dataset
    CROSS JOIN ops.report_context AS rc
)
SELECT
    dataset,
    count(*) FILTER (WHERE on_time) AS good_days,
    round(100.0 * count(*) FILTER (WHERE on_time) / count(*), 2) AS attainment_pct,
    round(0.01 * count(*) - count(*) FILTER (WHERE NOT on_time), 2) AS budget_remaining_days,
    round(count(*) FILTER (WHERE NOT on_time AND business_date >= report_date - 7) / 7.0 / 0.01, 2) AS burn_rate_7d
FROM judged
GROUP BY dataset
ORDER BY burn_rate_7d DESC, dataset;
