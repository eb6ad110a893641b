-- Visible dataset: app users and their events, and the weeks the report must cover.
CREATE SCHEMA app;
CREATE SCHEMA ops;

-- The report lists every calendar week (Monday to Sunday) whose Monday lies in this range.
CREATE TABLE ops.report_window (first_week DATE NOT NULL, last_week DATE NOT NULL);
INSERT INTO ops.report_window VALUES (DATE '2024-02-19', DATE '2024-04-22');

CREATE TABLE app.users (
    user_id       INTEGER PRIMARY KEY,
    email         VARCHAR NOT NULL,
    is_staff      BOOLEAN NOT NULL,
    signed_up_at  TIMESTAMP NOT NULL
);

-- Customers 1-36 and 42-44; 33-36 only ever receive pushes and emails. 37-40 are employees;
-- 41 is the synthetic monitoring account.
INSERT INTO app.users
SELECT u,
       CASE
           WHEN u = 7  THEN 'mina.choi@illumen.io'          -- a customer whose company domain ends in "lumen.io"
           WHEN u = 12 THEN 'Dev.Ops@Lumen.IO'              -- an employee on a customer account, not flagged as staff
           WHEN u = 20 THEN 'tester@lumen.io'               -- QA's personal test account, not flagged as staff
           WHEN u >= 37 AND u <= 40 THEN 'staff' || u || '@lumen.io'
           WHEN u = 41 THEN 'synthetic-monitor@probe.example'
           ELSE 'user' || u || '@' || ['mail.example', 'post.example', 'inbox.example'][1 + u % 3]
       END,
       u BETWEEN 37 AND 40,
       TIMESTAMP '2024-02-26 09:00:00' + (u % 9) * INTERVAL 1 DAY
FROM range(1, 45) AS t(u);

CREATE TABLE app.events (
    event_id    INTEGER   NOT NULL,
    user_id     INTEGER,              -- NULL for visitors who are not logged in
    event_type  VARCHAR   NOT NULL,
    event_ts    TIMESTAMP NOT NULL,   -- UTC
    is_test     BOOLEAN               -- NULL on rows logged before the flag was introduced (2024-03-11)
);

-- Customers 1-32: each is active for a stretch of days after the launch on 2024-02-26, every few days.
INSERT INTO app.events
SELECT 100000 + row_number() OVER (ORDER BY u, d),
       u,
       ['page_view', 'search', 'add_to_cart', 'page_view', 'purchase'][1 + (u + d) % 5],
       TIMESTAMP '2024-02-26 00:00:00' + d * INTERVAL 1 DAY + ((u * 37 + d * 13) % 1440) * INTERVAL 1 MINUTE,
       NULL
FROM range(1, 33) AS a(u), range(0, 63) AS b(d)
WHERE d >= (u * 5) % 30
  AND d <= (u * 5) % 30 + 10 + (u * 11) % 35
  AND (d - (u * 5) % 30) % (2 + u % 5) = 0;

-- Passive events: push notifications and marketing emails reach most accounts every few days.
INSERT INTO app.events
SELECT 200000 + row_number() OVER (ORDER BY u, d),
       u,
       CASE WHEN d % 2 = 0 THEN 'push_received' ELSE 'email_delivered' END,
       TIMESTAMP '2024-02-26 07:30:00' + d * INTERVAL 1 DAY,
       NULL
FROM range(1, 37) AS a(u), range(0, 63) AS b(d)
WHERE (u + d) % 4 = 0;

-- Employees use the app every day; the monitoring account runs a check every day.
INSERT INTO app.events
SELECT 300000 + row_number() OVER (ORDER BY u, d), u, 'page_view',
       TIMESTAMP '2024-02-26 10:00:00' + d * INTERVAL 1 DAY, NULL
FROM range(37, 42) AS a(u), range(0, 63) AS b(d);

-- The is_test flag was introduced on 2024-03-11: from then on every row carries it.
UPDATE app.events SET is_test = (user_id = 41) WHERE event_ts >= TIMESTAMP '2024-03-11 00:00:00';
-- QA also ran checkout tests with customer 20's account, flagged as test traffic.
INSERT INTO app.events VALUES
    (400001, 20, 'purchase', TIMESTAMP '2024-04-09 15:00:00', true),
    (400002, 20, 'purchase', TIMESTAMP '2024-04-16 15:00:00', true);

-- Visitors who are not logged in, and events of an account deleted at the customer's request.
INSERT INTO app.events
SELECT 500000 + i, NULL, 'page_view', TIMESTAMP '2024-03-01 12:00:00' + i * INTERVAL 29 HOURS, i % 2 = 0
FROM range(0, 40) AS t(i);
INSERT INTO app.events VALUES
    (600001, 99, 'purchase',  TIMESTAMP '2024-03-20 18:00:00', false),
    (600002, 99, 'page_view', TIMESTAMP '2024-04-02 18:00:00', false);

-- Three customers who came back once, on the edges of the 28-day window of the week of
-- 2024-04-22, which runs from Monday 2024-04-01 00:00 to Sunday 2024-04-28 23:59:59.
INSERT INTO app.events VALUES
    (700001, 42, 'search',    TIMESTAMP '2024-04-01 00:00:00', false),
    (700002, 43, 'page_view', TIMESTAMP '2024-03-31 23:59:59', false),
    (700003, 44, 'purchase',  TIMESTAMP '2024-04-28 23:59:59', false);
