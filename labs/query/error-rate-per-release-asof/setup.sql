-- Visible dataset: 60 deployments of the web shop over two weeks and 15,000 requests served
-- by it, generated deterministically. A release is live from its deployed_at until the next
-- release's deployed_at. A rollback is a new release that ships an older version again.
CREATE SCHEMA deploy;
CREATE SCHEMA edge;

CREATE TABLE deploy.releases (
    release_id   INTEGER PRIMARY KEY,
    version      VARCHAR NOT NULL,
    deployed_at  TIMESTAMP NOT NULL UNIQUE
);

CREATE TABLE edge.requests (
    request_id    BIGINT PRIMARY KEY,
    requested_at  TIMESTAMP NOT NULL,
    route         VARCHAR NOT NULL,
    status_code   INTEGER NOT NULL,
    latency_ms    INTEGER NOT NULL
);

-- Deployments at irregular times, from 2024-10-07 06:31 on, about four a day. Release 23
-- broke checkout and was rolled back 25 minutes later by release 24, which ships v2.22 again.
-- Release 42 redeployed v2.40 with a configuration fix 20 seconds after release 41.
INSERT INTO deploy.releases
WITH base AS (
    SELECT r,
           TIMESTAMP '2024-10-07 00:30:00' + to_seconds(CAST(r * 19800 + (r * 7919) % 6000 AS BIGINT)) AS planned_at
    FROM range(1, 61) AS t(r)
)
SELECT r,
       'v2.' || CASE WHEN r = 24 THEN 22 ELSE r - (r >= 24)::INTEGER - (r >= 42)::INTEGER END,
       CASE WHEN r = 24 THEN (SELECT planned_at FROM base WHERE r = 23) + INTERVAL 25 MINUTE
            WHEN r = 42 THEN (SELECT planned_at FROM base WHERE r = 41) + INTERVAL 20 SECOND
            ELSE planned_at
       END
FROM base;

-- Requests from 2024-10-07 04:00, before the first deployment at 06:31, about one every 81 s.
INSERT INTO edge.requests
SELECT i + 1,
       TIMESTAMP '2024-10-07 04:00:00' + to_seconds(CAST(i * 81 + (i * 7919) % 60 AS BIGINT)),
       (['/', '/search', '/product', '/cart', '/checkout'])[(i * 13) % 5 + 1],
       CASE WHEN (i * 1103515245 + 12345) // 65536 % 1000 < 12 THEN 500
            WHEN (i * 1103515245 + 12345) // 65536 % 1000 < 20 THEN 503
            WHEN (i * 1103515245 + 12345) // 65536 % 1000 < 60 THEN 404
            ELSE 200
       END,
       CAST(20 + (i * 37) % 900 AS INTEGER)
FROM range(0, 15000) AS t(i);

-- The checkout outage of release 23: a burst of retries, many of them failing.
INSERT INTO edge.requests
SELECT 200000 + i,
       (SELECT deployed_at FROM deploy.releases WHERE release_id = 23) + to_seconds(CAST(5 + i * 11 AS BIGINT)),
       '/checkout',
       CASE WHEN i % 5 < 2 THEN 500 ELSE 200 END,
       CAST(900 + i * 3 AS INTEGER)
FROM range(0, 120) AS t(i);

-- Requests that landed exactly on a deployment: they belong to the release that starts then.
INSERT INTO edge.requests
SELECT 100000 + release_id, deployed_at, '/checkout', CASE WHEN release_id % 2 = 0 THEN 500 ELSE 200 END, 35
FROM deploy.releases
WHERE release_id IN (5, 6, 17, 40);
