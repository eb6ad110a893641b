-- Right rows, slow plan: for each request, a correlated subquery finds the latest deployment
-- at or before it. DuckDB decorrelates it into a range join of requests and releases.
WITH tagged AS (
    SELECT q.request_id,
           q.status_code,
           (SELECT max(rel.deployed_at) FROM deploy.releases AS rel
            WHERE rel.deployed_at <= q.requested_at) AS deployed_at
    FROM edge.requests AS q
)
SELECT rel.release_id,
       rel.version,
       rel.deployed_at,
       count(t.request_id)                                  AS requests,
       count(t.request_id) FILTER (WHERE t.status_code >= 500) AS server_errors,
       count(t.request_id) FILTER (WHERE t.status_code >= 500)
           / nullif(count(t.request_id), 0) AS error_rate
FROM deploy.releases AS rel
LEFT JOIN tagged AS t ON t.deployed_at = rel.deployed_at
GROUP BY rel.release_id, rel.version, rel.deployed_at
ORDER BY rel.deployed_at;
