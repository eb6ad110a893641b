-- Visible dataset: a type 2 price history (half-open validity [valid_from, valid_to), NULL valid_to
-- for the current version) and the orders that must be priced as of their timestamp.
CREATE SCHEMA pricing;
CREATE SCHEMA sales;

CREATE TABLE pricing.product_prices (
    price_id    INTEGER PRIMARY KEY,      -- one row per version
    product_id  INTEGER NOT NULL,
    list_price  DECIMAL(10, 2) NOT NULL,
    valid_from  TIMESTAMP NOT NULL,       -- inclusive
    valid_to    TIMESTAMP                 -- exclusive; NULL = current version
);

INSERT INTO pricing.product_prices VALUES
    -- product 1: three versions, the last one current
    (101, 1, 19.90, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-02-15 09:00:00'),
    (102, 1, 17.90, TIMESTAMP '2024-02-15 09:00:00', TIMESTAMP '2024-04-01 00:00:00'),
    (103, 1, 21.50, TIMESTAMP '2024-04-01 00:00:00', NULL),
    -- product 2: listed from 2024-02-01 only
    (201, 2, 5.00,  TIMESTAMP '2024-02-01 00:00:00', TIMESTAMP '2024-03-10 12:30:00'),
    (202, 2, 4.50,  TIMESTAMP '2024-03-10 12:30:00', NULL),
    -- product 3: delisted from 2024-03-01 to 2024-03-20 (a gap), then back at a new price
    (301, 3, 120.00, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-03-01 00:00:00'),
    (302, 3, 99.00,  TIMESTAMP '2024-03-20 00:00:00', NULL),
    -- product 4: discontinued for good on 2024-04-15 (no current version)
    (401, 4, 42.00, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-03-05 18:00:00'),
    (402, 4, 39.00, TIMESTAMP '2024-03-05 18:00:00', TIMESTAMP '2024-04-15 00:00:00'),
    -- product 5: a flash sale of six hours
    (501, 5, 60.00, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-03-29 10:00:00'),
    (502, 5, 45.00, TIMESTAMP '2024-03-29 10:00:00', TIMESTAMP '2024-03-29 16:00:00'),
    (503, 5, 60.00, TIMESTAMP '2024-03-29 16:00:00', NULL),
    -- product 6: one current version
    (601, 6, 8.25,  TIMESTAMP '2024-01-01 00:00:00', NULL);
    -- product 7 is sold but has no price history at all (a marketplace item)

CREATE TABLE sales.orders (
    order_id    INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL,
    ordered_at  TIMESTAMP NOT NULL,
    unit_price  DECIMAL(10, 2) NOT NULL   -- what the customer was charged
);

-- Ordinary orders: one every 29 hours and 17 minutes, cycling through products 1..6.
INSERT INTO sales.orders
SELECT 1000 + i,
       1 + i % 6,
       TIMESTAMP '2024-01-03 08:00:00' + i * INTERVAL 1757 MINUTE,
       CAST(CASE 1 + i % 6 WHEN 1 THEN 18.00 WHEN 2 THEN 4.80 WHEN 3 THEN 110.00
                           WHEN 4 THEN 40.00 WHEN 5 THEN 58.00 ELSE 8.25 END AS DECIMAL(10, 2))
FROM range(0, 90) AS t(i);

-- Orders on the edges, by hand.
INSERT INTO sales.orders VALUES
    (1, 1, TIMESTAMP '2024-02-15 09:00:00', 17.90),        -- exactly on a boundary: the new version
    (2, 1, TIMESTAMP '2024-02-15 08:59:59.999999', 19.90), -- one microsecond before it: the old one
    (3, 2, TIMESTAMP '2024-01-20 10:00:00', 5.00),         -- before product 2's first version
    (4, 3, TIMESTAMP '2024-03-12 15:00:00', 100.00),       -- inside product 3's gap
    (5, 3, TIMESTAMP '2024-03-20 00:00:00', 99.00),        -- the first instant after the gap
    (6, 4, TIMESTAMP '2024-04-15 00:00:00', 39.00),        -- the instant product 4 was discontinued
    (7, 5, TIMESTAMP '2024-03-29 10:00:00', 45.00),        -- the flash sale's first instant
    (8, 5, TIMESTAMP '2024-03-29 16:00:00', 45.00),        -- its end: the normal price is back
    (9, 7, TIMESTAMP '2024-03-01 12:00:00', 15.00),        -- a product with no price history
    (10, 6, TIMESTAMP '2023-12-31 23:59:59', 8.25);        -- before product 6's first version
