-- Reference: normalise the tags, treat blank tags as untagged, count distinct queries per team,
-- combine both sides with a FULL OUTER JOIN and compute the ratios on the joined rows.
WITH rc AS (
    SELECT report_month, report_month + INTERVAL 1 MONTH AS next_month FROM ops.run_context
),
cost AS (
    SELECT coalesce(nullif(lower(trim(c.team_tag)), ''), 'untagged') AS team,
           sum(c.cost_usd)                                             AS cost_usd
    FROM billing.warehouse_costs AS c, rc
    WHERE c.usage_date >= rc.report_month AND c.usage_date < rc.next_month
    GROUP BY 1
),
queries AS (
    SELECT coalesce(q.team, 'untagged')  AS team,
           count(DISTINCT q.query_id)    AS queries
    FROM ops.query_log AS q, rc
    WHERE q.started_at >= rc.report_month AND q.started_at < rc.next_month
    GROUP BY 1
),
joined AS (
    SELECT coalesce(c.team, q.team)         AS team,
           coalesce(c.cost_usd, 0)          AS cost_usd,
           coalesce(q.queries, 0)           AS queries
    FROM cost AS c
    FULL OUTER JOIN queries AS q ON q.team = c.team
)
SELECT team,
       round(cost_usd, 2)                                               AS cost_usd,
       queries,
       round(cost_usd * 1000 / nullif(queries, 0), 2)                   AS cost_per_1k_queries,
       round(100 * cost_usd / sum(cost_usd) OVER (), 1)                 AS cost_share_pct
FROM joined
ORDER BY cost_usd DESC, team;
