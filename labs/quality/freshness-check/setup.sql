-- Freshness check: visible dataset.
-- The check runs at 2024-03-15 12:00. The orders loader runs every 3 hours (at :15) and loads
-- the orders created in the previous 3-hour window. The events table is fed by two connectors:
-- 'app' loads every hour at :05, 'web' every hour at :35.

CREATE SCHEMA ops;
CREATE SCHEMA shop;
CREATE SCHEMA web;

CREATE TABLE ops.run_context (as_of TIMESTAMP NOT NULL);
INSERT INTO ops.run_context VALUES (TIMESTAMP '2024-03-15 12:00:00');

CREATE TABLE shop.orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    amount      DECIMAL(10,2) NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    loaded_at   TIMESTAMP NOT NULL
);

-- One order every 77 minutes from 2024-03-14 08:10; each is loaded by the next 3-hourly batch.
-- Orders whose batch has not run yet (after 12:00) are not in the warehouse.
INSERT INTO shop.orders
SELECT order_id, customer_id, amount, created_at, loaded_at
FROM (
    SELECT
        1000 + i                                              AS order_id,
        200 + (i * 7) % 23                                    AS customer_id,
        CAST(12 + (i * 37) % 90 + ((i * 13) % 100) / 100.0 AS DECIMAL(10,2)) AS amount,
        TIMESTAMP '2024-03-14 08:10:00' + i * INTERVAL 77 MINUTES AS created_at,
        time_bucket(INTERVAL 3 HOURS, TIMESTAMP '2024-03-14 08:10:00' + i * INTERVAL 77 MINUTES)
            + INTERVAL 3 HOURS + INTERVAL 15 MINUTES          AS loaded_at
    FROM range(0, 22) AS t(i)
) AS g
WHERE loaded_at <= TIMESTAMP '2024-03-15 12:00:00';

CREATE TABLE web.events (
    event_id   INTEGER PRIMARY KEY,
    source     VARCHAR NOT NULL,      -- 'app' or 'web': each source has its own connector
    event_type VARCHAR NOT NULL,
    event_time TIMESTAMP NOT NULL,
    loaded_at  TIMESTAMP NOT NULL
);

-- Events every 20 minutes per source from 2024-03-15 06:00. 'app' is loaded at the next :05,
-- 'web' at the next :35.
INSERT INTO web.events
SELECT event_id, source, event_type, event_time, loaded_at
FROM (
    SELECT
        5000 + i * 2 + s                                      AS event_id,
        CASE s WHEN 0 THEN 'app' ELSE 'web' END               AS source,
        CASE (i + s) % 4 WHEN 0 THEN 'page_view' WHEN 1 THEN 'add_to_cart'
                         WHEN 2 THEN 'page_view' ELSE 'checkout' END AS event_type,
        TIMESTAMP '2024-03-15 06:00:00' + i * INTERVAL 20 MINUTES + s * INTERVAL 7 MINUTES AS event_time,
        CASE s
            WHEN 0 THEN time_bucket(INTERVAL 1 HOUR, TIMESTAMP '2024-03-15 06:00:00' + i * INTERVAL 20 MINUTES)
                        + INTERVAL 65 MINUTES
            ELSE time_bucket(INTERVAL 1 HOUR, TIMESTAMP '2024-03-15 06:00:00' + i * INTERVAL 20 MINUTES + INTERVAL 7 MINUTES,
                             TIMESTAMP '2024-03-15 00:35:00') + INTERVAL 60 MINUTES
        END                                                   AS loaded_at
    FROM range(0, 18) AS t(i), range(0, 2) AS u(s)
) AS g
WHERE loaded_at <= TIMESTAMP '2024-03-15 12:00:00';
