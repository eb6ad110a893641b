-- Visible dataset: 400 shop accounts (16 of them staff) and 12,000 tracking events over 14 days,
-- generated deterministically. Some events are anonymous (no account_id), and some come from
-- accounts that were deleted since (their account_id is no longer in shop.accounts).
CREATE SCHEMA shop;

CREATE TABLE shop.accounts (
    account_id  INTEGER PRIMARY KEY,
    email       VARCHAR NOT NULL,
    is_staff    BOOLEAN NOT NULL
);

CREATE TABLE shop.events (
    event_id    BIGINT PRIMARY KEY,
    account_id  INTEGER,           -- NULL for visitors who are not signed in
    event_ts    TIMESTAMP NOT NULL,
    event_type  VARCHAR NOT NULL,  -- page_view, search, add_to_cart, purchase, refund
    amount      DECIMAL(10, 2)     -- set for purchase and refund events only
);

INSERT INTO shop.accounts
SELECT i,
       'user' || i || '@example.com',
       i % 25 = 0                                  -- accounts 25, 50, ... 400 belong to staff
FROM range(1, 401) AS t(i);

INSERT INTO shop.events
WITH base AS (
    SELECT i,
           (i * 7919) % 100 AS kind,
           TIMESTAMP '2024-05-06 00:00:00' + to_seconds(CAST((i * 1009) % 1209600 AS BIGINT)) AS event_ts
    FROM range(0, 12000) AS t(i)
)
SELECT i + 1,
       CASE WHEN kind < 74 AND i % 4 = 0 THEN NULL     -- anonymous page views and searches
            ELSE CAST((i * 1103515245 + 12345) // 65536 % 410 + 1 AS INTEGER)  -- 401..410: deleted since
       END,
       event_ts,
       CASE WHEN kind < 66 THEN 'page_view'
            WHEN kind < 74 THEN 'search'
            WHEN kind < 88 THEN 'add_to_cart'
            WHEN kind < 97 THEN 'purchase'
            ELSE 'refund'
       END,
       CASE WHEN kind >= 97 THEN CAST(2 + (i * 13) % 4000 / 100.0 AS DECIMAL(10, 2))
            WHEN kind >= 88 THEN CAST(5 + (i * 31) % 19000 / 100.0 AS DECIMAL(10, 2))
       END
FROM base;
