-- Visible dataset: a small shop's application tables, one aggregate and the queue of erasure requests.
CREATE SCHEMA app;
CREATE SCHEMA analytics;
CREATE SCHEMA privacy;
CREATE SCHEMA ops;

CREATE TABLE ops.run_context (run_date DATE NOT NULL);
INSERT INTO ops.run_context VALUES (DATE '2024-06-10');

CREATE TABLE app.users (
    user_id     INTEGER,
    email       VARCHAR,
    full_name   VARCHAR,
    country     VARCHAR,
    created_at  TIMESTAMP
);

INSERT INTO app.users
SELECT i,
       'user' || i || '@example.com',
       'User ' || i,
       CASE i % 3 WHEN 0 THEN 'KR' WHEN 1 THEN 'DE' ELSE 'FR' END,
       TIMESTAMP '2024-01-05 09:00:00' + i * INTERVAL 9 DAY
FROM range(1, 13) AS t(i);

-- Orders must be kept for seven years for the tax office, even after an erasure.
CREATE TABLE app.orders (
    order_id      INTEGER,
    user_id       INTEGER,
    ordered_at    TIMESTAMP,
    amount        DECIMAL(10, 2),
    ship_address  VARCHAR
);

INSERT INTO app.orders
SELECT 5000 + i,
       1 + (i * 5) % 12,
       TIMESTAMP '2024-05-02 10:00:00' + i * INTERVAL 31 HOUR,
       CAST(15 + (i * 23) % 140 + 0.99 AS DECIMAL(10, 2)),
       (10 + i) || ' Market Street, apt ' || (1 + i % 9)
FROM range(0, 26) AS t(i);

-- Page views are kept for 14 days (2024-05-27 to 2024-06-09). A user may view several pages a day.
CREATE TABLE app.page_views (
    view_id    INTEGER,
    user_id    INTEGER,
    viewed_on  DATE,
    page       VARCHAR
);

INSERT INTO app.page_views
SELECT row_number() OVER (ORDER BY d, u, k) + 70000,
       u,
       DATE '2024-05-27' + CAST(d AS INTEGER),
       CASE (u + d + k) % 4 WHEN 0 THEN '/home' WHEN 1 THEN '/search' WHEN 2 THEN '/product' ELSE '/cart' END
FROM range(0, 13) AS a(d), range(1, 13) AS b(u), range(0, 2) AS c(k)
WHERE (u * 7 + d * d) % 5 < 2
  AND (k = 0 OR (u + d) % 5 = 0);

-- 2024-06-09 was the day of the outage: only user 3 got through, twice.
INSERT INTO app.page_views VALUES
    (79001, 3, DATE '2024-06-09', '/home'),
    (79002, 3, DATE '2024-06-09', '/status');

-- Daily active users (distinct users with a page view). History before the page views' retention
-- window is kept in the aggregate only.
CREATE TABLE analytics.daily_active_users (
    day           DATE,
    active_users  INTEGER
);

INSERT INTO analytics.daily_active_users
SELECT DATE '2024-05-20' + CAST(i AS INTEGER), 4 + (i * 3) % 5 FROM range(0, 7) AS t(i);

INSERT INTO analytics.daily_active_users
SELECT viewed_on, count(DISTINCT user_id) FROM app.page_views GROUP BY viewed_on;

-- The privacy team's queue. status: pending (to do), done (erased on processed_on),
-- rejected (a legal hold applies: do not erase).
CREATE TABLE privacy.erasure_requests (
    request_id    INTEGER,
    user_id       INTEGER,
    received_at   TIMESTAMP,
    status        VARCHAR,
    processed_on  DATE
);

INSERT INTO privacy.erasure_requests VALUES
    (1, 13, TIMESTAMP '2024-05-02 08:12:00', 'done',     DATE '2024-05-03'),
    (2,  5, TIMESTAMP '2024-06-01 17:40:00', 'rejected', NULL),
    (3,  3, TIMESTAMP '2024-06-07 09:03:00', 'pending',  NULL),
    (4,  7, TIMESTAMP '2024-06-08 21:15:00', 'pending',  NULL),
    (5, 99, TIMESTAMP '2024-06-09 06:30:00', 'pending',  NULL),   -- no such user (a typo in the web form)
    (6,  7, TIMESTAMP '2024-06-09 11:48:00', 'pending',  NULL);   -- the same user asked twice
