-- Wrong: reports only the releases that served a request. The configuration redeploy that
-- was replaced after 20 seconds served nothing and disappears from the report, and so would
-- a release that could not serve at all.
SELECT rel.release_id,
       rel.version,
       rel.deployed_at,
       count(*)                                     AS requests,
       count(*) FILTER (WHERE q.status_code >= 500) AS server_errors,
       count(*) FILTER (WHERE q.status_code >= 500) / count(*) AS error_rate
FROM edge.requests AS q
ASOF JOIN deploy.releases AS rel
       ON q.requested_at >= rel.deployed_at
GROUP BY rel.release_id, rel.version, rel.deployed_at
ORDER BY rel.deployed_at;
