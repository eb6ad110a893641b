-- Wrong (and a range join too): BETWEEN includes both ends, so a request made exactly at a
-- deployment is counted for the release that ends then and again for the one that starts.
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
       ON q.requested_at BETWEEN w.deployed_at AND w.live_until
GROUP BY w.release_id, w.version, w.deployed_at
ORDER BY w.deployed_at;
