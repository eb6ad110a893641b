-- Also correct: turn each morning deadline into a UTC instant (08:00 local, in the consumer's
-- zone) and compare the raw UTC landing times with it. A date is on time when some landing
-- happened by the deadline, which is the same as the first landing being on time.
WITH rc AS (SELECT report_date FROM ops.report_context),
deadlines AS (
    SELECT d.dataset, CAST(g.ts AS DATE) AS business_date, rc.report_date,
           timezone('UTC', timezone(d.consumer_tz, CAST(CAST(g.ts AS DATE) + 1 AS TIMESTAMP) + INTERVAL 8 HOURS)) AS deadline_utc
    FROM ops.datasets AS d, rc, generate_series(rc.report_date - 30, rc.report_date - 1, INTERVAL 1 DAY) AS g(ts)
),
judged AS (
    SELECT dl.dataset, dl.business_date, dl.report_date,
           EXISTS (SELECT 1 FROM ops.landings AS l
                   WHERE l.dataset = dl.dataset AND l.business_date = dl.business_date
                     AND l.landed_at <= dl.deadline_utc) AS on_time
    FROM deadlines AS dl
),
counts AS (
    SELECT dataset,
           sum(CASE WHEN on_time THEN 1 ELSE 0 END) AS good,
           sum(CASE WHEN NOT on_time THEN 1 ELSE 0 END) AS bad,
           sum(CASE WHEN NOT on_time AND business_date >= report_date - 7 THEN 1 ELSE 0 END) AS bad_7d
    FROM judged
    GROUP BY dataset
)
SELECT dataset,
       good AS good_days,
       round(good * 100.0 / 30, 2) AS attainment_pct,
       round(0.3 - bad, 2) AS budget_remaining_days,
       round(bad_7d * 100.0 / 7, 2) AS burn_rate_7d
FROM counts
ORDER BY burn_rate_7d DESC, dataset;
