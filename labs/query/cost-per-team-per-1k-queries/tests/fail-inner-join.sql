-- Wrong: an inner join keeps only teams present on both sides. A team with cost but no
-- queries, and a team with queries but no tagged cost, disappear, and the shares are
-- computed over what is left.
WITH cost AS (
    SELECT coalesce(nullif(lower(trim(team_tag)), ''), 'untagged') AS team, sum(cost_usd) AS cost_usd
    FROM billing.warehouse_costs
    WHERE usage_date >= (SELECT report_month FROM ops.run_context)
      AND usage_date <  (SELECT report_month + INTERVAL 1 MONTH FROM ops.run_context)
    GROUP BY 1
),
queries AS (
    SELECT coalesce(team, 'untagged') AS team, count(DISTINCT query_id) AS queries
    FROM ops.query_log
    WHERE started_at >= (SELECT report_month FROM ops.run_context)
      AND started_at <  (SELECT report_month + INTERVAL 1 MONTH FROM ops.run_context)
    GROUP BY 1
)
SELECT c.team, round(c.cost_usd, 2) AS cost_usd, q.queries,
       round(c.cost_usd * 1000 / q.queries, 2) AS cost_per_1k_queries,
       round(100 * c.cost_usd / sum(c.cost_usd) OVER (), 1) AS cost_share_pct
FROM cost AS c
JOIN queries AS q ON q.team = c.team
ORDER BY cost_usd DESC, c.team;
