-- Wrong: BETWEEN the first and the last day of the month compares timestamps with midnight of
-- the last day, so every query started on May 31 after 00:00 is lost.
WITH bounds AS (
    SELECT report_month AS first_day, last_day(report_month) AS final_day FROM ops.run_context
),
cost AS (
    SELECT coalesce(nullif(lower(trim(c.team_tag)), ''), 'untagged') AS team, sum(c.cost_usd) AS cost_usd
    FROM billing.warehouse_costs AS c, bounds AS b
    WHERE c.usage_date BETWEEN b.first_day AND b.final_day
    GROUP BY 1
),
queries AS (
    SELECT coalesce(q.team, 'untagged') AS team, count(DISTINCT q.query_id) AS queries
    FROM ops.query_log AS q, bounds AS b
    WHERE q.started_at BETWEEN b.first_day AND b.final_day
    GROUP BY 1
),
joined AS (
    SELECT coalesce(c.team, q.team) AS team, coalesce(c.cost_usd, 0) AS cost_usd, coalesce(q.queries, 0) AS queries
    FROM cost AS c FULL OUTER JOIN queries AS q ON q.team = c.team
)
SELECT team, round(cost_usd, 2) AS cost_usd, queries,
       round(cost_usd * 1000 / nullif(queries, 0), 2) AS cost_per_1k_queries,
       round(100 * cost_usd / sum(cost_usd) OVER (), 1) AS cost_share_pct
FROM joined
ORDER BY cost_usd DESC, team;
