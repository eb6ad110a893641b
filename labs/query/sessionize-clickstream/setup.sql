-- Visible dataset: 4,000 web events of 40 users (100 each), generated deterministically.
CREATE SCHEMA web;

CREATE TABLE web.events (
    event_id  BIGINT PRIMARY KEY,
    user_id   INTEGER NOT NULL,
    event_ts  TIMESTAMP NOT NULL,
    page      VARCHAR NOT NULL
);

INSERT INTO web.events
WITH numbered AS (
    SELECT i,
           CAST(i // 100 + 1 AS INTEGER) AS user_id,
           CAST(i % 100 AS INTEGER)      AS k
    FROM range(0, 4000) AS t(i)
),
gaps AS (
    SELECT *,
           CASE
               WHEN k = 0 THEN 0
               WHEN (k * 37 + user_id * 11) % 23 = 0 THEN 1800                          -- exactly 30 minutes
               WHEN (k * 37 + user_id * 11) % 23 IN (1, 2)
                    THEN 1801 + (k * 131 + user_id * 71) % 20000                         -- long break
               WHEN (k * 37 + user_id * 11) % 23 = 3 THEN 0                             -- same second
               ELSE 5 + (k * 53 + user_id * 29) % 1200                                  -- 5 s to 20 min
           END AS gap_seconds
    FROM numbered
)
SELECT (i * 7919) % 4000 + 1 AS event_id,                    -- a permutation: ids do not follow time
       user_id,
       TIMESTAMP '2024-06-01 00:00:00'
           + to_minutes(user_id * 7)
           + to_seconds(CAST(sum(gap_seconds) OVER (PARTITION BY user_id ORDER BY k) AS BIGINT)) AS event_ts,
       (['home', 'search', 'product', 'cart', 'checkout', 'account'])[(k * 13 + user_id) % 6 + 1] AS page
FROM gaps;
