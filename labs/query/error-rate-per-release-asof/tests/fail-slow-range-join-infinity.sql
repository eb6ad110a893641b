-- Right rows, slow plan: the open end replaced by 'infinity', so the condition is a clean
-- range. DuckDB runs it as a PIECEWISE_MERGE_JOIN: it sorts on one bound and still checks
-- each request against every release that passes it, a range join where a point lookup
-- would do.
WITH windows AS (
    SELECT release_id,
           version,
           deployed_at,
           coalesce(lead(deployed_at) OVER (ORDER BY deployed_at), TIMESTAMP 'infinity') AS live_until
    FROM deploy.releases
)
SELECT w.release_id,
       w.version,
       w.deployed_at,
       count(q.request_id)                                     AS requests,
       count(q.request_id) FILTER (WHERE q.status_code >= 500) AS server_errors,
       count(q.request_id) FILTER (WHERE q.status_code >= 500)
           / nullif(count(q.request_id), 0) AS error_rate
FROM windows AS w
LEFT JOIN edge.requests AS q
       ON q.requested_at >= w.deployed_at
      AND q.requested_at < w.live_until
GROUP BY w.release_id, w.version, w.deployed_at
ORDER BY w.deployed_at;
