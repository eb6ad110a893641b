-- Hidden dataset: two more deployments after the last one (the first replaced within a
-- second, so it serves nothing), more requests landing exactly on deployments, early
-- requests before the first deployment, and a few requests lost from the logs.
INSERT INTO deploy.releases VALUES
    (61, 'v2.59', TIMESTAMP '2024-10-21 02:00:00'),
    (62, 'v2.59', TIMESTAMP '2024-10-21 02:00:01');

INSERT INTO edge.requests VALUES
    (300001, TIMESTAMP '2024-10-21 02:00:01', '/checkout', 500, 40),   -- first request of release 62
    (300002, TIMESTAMP '2024-10-21 03:15:00', '/',         200, 25),
    (300003, TIMESTAMP '2024-10-07 05:59:59', '/',         500, 25),   -- before the first deployment
    (300004, TIMESTAMP '2024-10-07 06:31:58', '/search',   503, 25);   -- one second before it

INSERT INTO edge.requests
SELECT 310000 + release_id, deployed_at, '/product', 503, 30
FROM deploy.releases
WHERE release_id IN (10, 24, 42, 59);

DELETE FROM edge.requests WHERE request_id % 97 = 0 AND request_id < 15000;
