-- Each request belongs to the latest release deployed at or before it: that is an ASOF join,
-- which DuckDB runs as one sort-and-merge of the two tables instead of comparing every request
-- with every release. Requests before the first release find no match and drop out. The
-- counts are then joined to all releases, so a release that served nothing still appears.
WITH served AS (
    SELECT rel.release_id,
           count(*)                                     AS requests,
           count(*) FILTER (WHERE q.status_code >= 500) AS server_errors
    FROM edge.requests AS q
    ASOF JOIN deploy.releases AS rel
           ON q.requested_at >= rel.deployed_at
    GROUP BY rel.release_id
)
SELECT rel.release_id,
       rel.version,
       rel.deployed_at,
       coalesce(s.requests, 0)      AS requests,
       coalesce(s.server_errors, 0) AS server_errors,
       s.server_errors / s.requests AS error_rate
FROM deploy.releases AS rel
LEFT JOIN served AS s ON s.release_id = rel.release_id
ORDER BY rel.deployed_at;
