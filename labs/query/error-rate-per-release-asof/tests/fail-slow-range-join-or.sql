-- Right rows, slow plan: today's query. Each release gets its live window from lead(), and
-- the requests are joined on "inside the window". The OR for the open-ended current release
-- leaves DuckDB no equality and no plain range to work with: it compares every request with
-- every release in a nested loop.
WITH windows AS (
    SELECT release_id,
           version,
           deployed_at,
           lead(deployed_at) OVER (ORDER BY deployed_at) AS next_deployed_at
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
      AND (q.requested_at < w.next_deployed_at OR w.next_deployed_at IS NULL)
GROUP BY w.release_id, w.version, w.deployed_at
ORDER BY w.deployed_at;
