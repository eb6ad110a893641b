-- Wrong: count(*) counts log rows, not queries. Re-delivered log batches inflate the query
-- counts and make every team look cheaper per query than it is.
WITH cost AS (
    SELECT coalesce(nullif(lower(trim(team_tag)), ''), 'untagged') AS team, sum(cost_usd) AS cost_usd
    FROM billing.warehouse_costs
    WHERE usage_date >= (SELECT report_month FROM ops.run_context)
      AND usage_date <  (SELECT report_month + INTERVAL 1 MONTH FROM ops.run_context)
    GROUP BY 1
),
queries AS (
    SELECT coalesce(team, 'untagged') AS team, count(*) AS queries
    FROM ops.query_log
    WHERE started_at >= (SELECT report_month FROM ops.run_context)
      AND started_at <  (SELECT report_month + INTERVAL 1 MONTH FROM ops.run_context)
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
