-- Wrong: attributes requests to the version instead of the release. A rollback or a redeploy
-- ships a version that was live before, and both releases of that version get the sum of
-- both windows.
WITH served AS (
    SELECT rel.version,
           count(*)                                     AS requests,
           count(*) FILTER (WHERE q.status_code >= 500) AS server_errors
    FROM edge.requests AS q
    ASOF JOIN deploy.releases AS rel
           ON q.requested_at >= rel.deployed_at
    GROUP BY rel.version
)
SELECT rel.release_id, rel.version, rel.deployed_at,
       coalesce(s.requests, 0)      AS requests,
       coalesce(s.server_errors, 0) AS server_errors,
       s.server_errors / s.requests AS error_rate
FROM deploy.releases AS rel
LEFT JOIN served AS s ON s.version = rel.version
ORDER BY rel.deployed_at;
