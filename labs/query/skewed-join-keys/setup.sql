-- Visible dataset: three daily partitions of click events, about 1,800 rows, built with range().
-- Each day has a background of ordinary merchants (100..199, a few rows each) plus blocks of
-- rows for the keys that matter: hot merchants, the NULL key, a key exactly at 5%, and a key
-- that only looks hot when the NULL rows are left out of the day's total.
CREATE SCHEMA clicks;

CREATE TABLE clicks.merchants (
    merchant_id  INTEGER PRIMARY KEY,
    name         VARCHAR NOT NULL
);

INSERT INTO clicks.merchants
SELECT m, 'Merchant ' || m FROM range(1, 200) AS t(m);

CREATE TABLE clicks.events (
    event_id     BIGINT PRIMARY KEY,
    event_date   DATE NOT NULL,        -- the daily partition
    merchant_id  INTEGER,              -- the join key; NULL for unattributed traffic
    event_type   VARCHAR NOT NULL
);

-- blocks(day, merchant_id, rows): background rows get merchant_id 100 + k % 100
CREATE TABLE clicks.tmp_blocks AS
SELECT * FROM (VALUES
    -- 2024-06-03: 600 rows
    (DATE '2024-06-03', 1, 7,    90),   -- hot: 15%
    (DATE '2024-06-03', 2, 12,   30),   -- exactly 5%: not hot
    (DATE '2024-06-03', 3, NULL, 40),   -- the NULL key: 6.7%, hot
    (DATE '2024-06-03', 4, 31,   29),   -- 4.8% (5.2% if the NULL rows are left out of the total)
    (DATE '2024-06-03', 0, NULL, 411),  -- background
    -- 2024-06-04: 500 rows
    (DATE '2024-06-04', 1, 7,    26),   -- 5.2%: hot
    (DATE '2024-06-04', 2, 55,   60),   -- 12%: hot
    (DATE '2024-06-04', 3, NULL, 20),   -- 4%: not hot
    (DATE '2024-06-04', 0, NULL, 394),
    -- 2024-06-05: 700 rows, no hot key
    (DATE '2024-06-05', 1, 7,    30),   -- 4.3%
    (DATE '2024-06-05', 3, NULL, 21),   -- 3%
    (DATE '2024-06-05', 0, NULL, 649)
) AS b(event_date, block, merchant_id, n);

INSERT INTO clicks.events
SELECT 100000 + row_number() OVER (ORDER BY b.event_date, b.block, r.k) AS event_id,
       b.event_date,
       CASE WHEN b.block = 0 THEN 100 + r.k % 100 ELSE b.merchant_id END AS merchant_id,
       CASE r.k % 5 WHEN 0 THEN 'impression' WHEN 1 THEN 'impression' WHEN 2 THEN 'click'
                    WHEN 3 THEN 'impression' ELSE 'add_to_cart' END AS event_type
FROM clicks.tmp_blocks AS b, range(b.n) AS r(k);

DROP TABLE clicks.tmp_blocks;
