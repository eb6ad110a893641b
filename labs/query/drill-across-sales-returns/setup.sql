-- Visible dataset: a small retail star schema for July to September 2024, generated
-- deterministically. Two fact tables at different grains share the store and date dimensions.
-- Store 23 opened on 2024-08-12; store 24 closed on 2024-08-31 but still books returns of
-- items bought there; store 7 had no returns in July.
CREATE SCHEMA mart;

CREATE TABLE mart.dim_store (
    store_id    INTEGER PRIMARY KEY,
    store_name  VARCHAR NOT NULL,
    region      VARCHAR NOT NULL
);

CREATE TABLE mart.dim_date (
    date_key       INTEGER PRIMARY KEY,   -- yyyymmdd
    calendar_date  DATE NOT NULL,
    month_start    DATE NOT NULL
);

CREATE TABLE mart.fact_sales (
    sale_line_id  BIGINT PRIMARY KEY,
    date_key      INTEGER NOT NULL,
    store_id      INTEGER NOT NULL,
    product_id    INTEGER NOT NULL,
    quantity      INTEGER NOT NULL,
    net_amount    DECIMAL(10, 2) NOT NULL
);

CREATE TABLE mart.fact_returns (
    return_id      BIGINT PRIMARY KEY,
    date_key       INTEGER NOT NULL,   -- the day the return was booked
    store_id       INTEGER NOT NULL,   -- the store where the item was bought
    product_id     INTEGER NOT NULL,
    quantity       INTEGER NOT NULL,
    refund_amount  DECIMAL(10, 2) NOT NULL
);

INSERT INTO mart.dim_store
SELECT s,
       'Store ' || lpad(CAST(s AS VARCHAR), 2, '0'),
       (['north', 'south', 'east', 'west'])[s % 4 + 1]
FROM range(1, 25) AS t(s);

INSERT INTO mart.dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER), CAST(d AS DATE), CAST(date_trunc('month', d) AS DATE)
FROM range(DATE '2024-07-01', DATE '2024-10-01', INTERVAL 1 DAY) AS t(d);

-- Unit prices come from a short price list, so many lines have exactly the same amount.
INSERT INTO mart.fact_sales
WITH lines AS (
    SELECT i,
           CAST(i % 24 + 1 AS INTEGER)                                  AS store_id,
           DATE '2024-07-01' + CAST((i * 7919) % 92 AS INTEGER)         AS sold_on,
           CAST((i * 1103515245 + 12345) // 65536 % 40 + 1 AS INTEGER)  AS product_id,
           CAST(1 + (i * 13) % 4 AS INTEGER)                            AS quantity
    FROM range(0, 9000) AS t(i)
)
SELECT i + 1,
       CAST(strftime(sold_on, '%Y%m%d') AS INTEGER),
       store_id,
       product_id,
       quantity,
       quantity * ([4.99, 9.99, 14.50, 19.99, 24.00, 49.90])[product_id % 6 + 1]
FROM lines
WHERE NOT (store_id = 23 AND sold_on < DATE '2024-08-12')
  AND NOT (store_id = 24 AND sold_on > DATE '2024-08-31');

INSERT INTO mart.fact_returns
WITH lines AS (
    SELECT j,
           CAST((j * 7) % 24 + 1 AS INTEGER)                                 AS store_id,
           DATE '2024-07-01' + CAST((j * 4931) % 92 AS INTEGER)              AS booked_on,
           CAST((j * 1103515245 + 54321) // 65536 % 40 + 1 AS INTEGER)       AS product_id,
           CAST(1 + j % 2 AS INTEGER)                                        AS quantity
    FROM range(0, 1200) AS t(j)
)
SELECT j + 1,
       CAST(strftime(booked_on, '%Y%m%d') AS INTEGER),
       store_id,
       product_id,
       quantity,
       quantity * ([4.99, 9.99, 14.50, 19.99, 24.00, 49.90])[product_id % 6 + 1]
FROM lines
WHERE NOT (store_id = 23 AND booked_on < DATE '2024-08-12')
  AND NOT (store_id = 7 AND booked_on < DATE '2024-08-01');
