-- Hidden dataset: the pricing service publishes new versions and more orders arrive.
-- Product 6 gets a price change on 2024-03-18 06:00 (the open version is closed first).
UPDATE pricing.product_prices SET valid_to = TIMESTAMP '2024-03-18 06:00:00' WHERE price_id = 601;
INSERT INTO pricing.product_prices VALUES
    (602, 6, 9.10, TIMESTAMP '2024-03-18 06:00:00', NULL),
    -- product 7's history is backfilled: it starts exactly when order 9 was placed
    (701, 7, 15.00, TIMESTAMP '2024-03-01 12:00:00', NULL),
    -- product 8 is new, listed for one week only
    (801, 8, 2.99, TIMESTAMP '2024-04-01 00:00:00', TIMESTAMP '2024-04-08 00:00:00');

INSERT INTO sales.orders VALUES
    (11, 6, TIMESTAMP '2024-03-18 06:00:00', 9.10),        -- on product 6's new boundary
    (12, 6, TIMESTAMP '2024-03-18 05:59:59', 8.25),
    (13, 8, TIMESTAMP '2024-04-08 00:00:00', 2.99),        -- the instant product 8's only version ends
    (14, 8, TIMESTAMP '2024-04-07 23:59:59.5', 2.99),
    (15, 3, TIMESTAMP '2024-03-01 00:00:00', 120.00),      -- the instant product 3's gap opens
    (16, 4, TIMESTAMP '2024-03-05 18:00:00', 39.00),
    (17, 9, TIMESTAMP '2024-03-03 03:03:03', 1.00);        -- an unknown product

-- A cancelled order is purged.
DELETE FROM sales.orders WHERE order_id = 1;
