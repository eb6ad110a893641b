-- Correct too, without any join of requests to releases: put deployments and requests on one
-- timeline, and let each request carry the last release_id seen before it. At the same
-- instant the deployment sorts first, so a request made exactly then gets the new release.
WITH timeline AS (
    SELECT deployed_at AS ts, 0 AS kind, release_id, NULL::INTEGER AS status_code
    FROM deploy.releases
    UNION ALL
    SELECT requested_at, 1, NULL, status_code
    FROM edge.requests
),
tagged AS (
    SELECT kind, status_code,
           last_value(release_id IGNORE NULLS) OVER (
               ORDER BY ts, kind ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
           ) AS release_id
    FROM timeline
)
SELECT rel.release_id,
       rel.version,
       rel.deployed_at,
       count(t.kind)                                  AS requests,
       count(t.kind) FILTER (WHERE t.status_code >= 500) AS server_errors,
       count(t.kind) FILTER (WHERE t.status_code >= 500)
           / nullif(count(t.kind), 0) AS error_rate
FROM deploy.releases AS rel
LEFT JOIN tagged AS t ON t.release_id = rel.release_id AND t.kind = 1
GROUP BY rel.release_id, rel.version, rel.deployed_at
ORDER BY rel.deployed_at;
