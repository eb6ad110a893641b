-- Correct too: the ASOF join in a subquery that keeps only the release id of each request,
-- and the aggregation done after the LEFT JOIN from the releases.
SELECT rel.release_id,
       rel.version,
       rel.deployed_at,
       count(t.request_id)                                     AS requests,
       count(t.request_id) FILTER (WHERE t.status_code >= 500) AS server_errors,
       count(t.request_id) FILTER (WHERE t.status_code >= 500)
           / nullif(count(t.request_id), 0) AS error_rate
FROM deploy.releases AS rel
LEFT JOIN (
    SELECT q.request_id, q.status_code, r.release_id
    FROM edge.requests AS q
    ASOF JOIN deploy.releases AS r ON q.requested_at >= r.deployed_at
) AS t ON t.release_id = rel.release_id
GROUP BY ALL
ORDER BY rel.deployed_at;
