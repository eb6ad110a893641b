-- Correct too: build the list of teams from both sources with UNION, then LEFT JOIN each side's
-- aggregate to it. The month bounds come from a joined run-context row.
WITH rc AS (
    SELECT report_month AS m0, CAST(report_month + INTERVAL 1 MONTH AS DATE) AS m1 FROM ops.run_context
),
tagged AS (
    SELECT CASE WHEN team_tag IS NULL OR trim(team_tag) = '' THEN 'untagged' ELSE lower(trim(team_tag)) END AS team,
           cost_usd
    FROM billing.warehouse_costs JOIN rc ON usage_date >= rc.m0 AND usage_date < rc.m1
),
logged AS (
    SELECT DISTINCT query_id, coalesce(team, 'untagged') AS team
    FROM ops.query_log JOIN rc ON started_at >= rc.m0 AND started_at < rc.m1
),
teams AS (
    SELECT team FROM tagged UNION SELECT team FROM logged
),
per_team AS (
    SELECT t.team,
           coalesce((SELECT sum(cost_usd) FROM tagged WHERE tagged.team = t.team), 0) AS cost,
           (SELECT count(*) FROM logged WHERE logged.team = t.team)                  AS queries
    FROM teams AS t
)
SELECT team,
       round(cost, 2) AS cost_usd,
       queries,
       CASE WHEN queries = 0 THEN NULL ELSE round(cost / queries * 1000, 2) END AS cost_per_1k_queries,
       round(cost * 100.0 / (SELECT sum(cost) FROM per_team), 1)               AS cost_share_pct
FROM per_team
ORDER BY round(cost, 2) DESC, team;
