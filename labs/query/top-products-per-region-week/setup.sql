-- Visible dataset: five weeks of sales lines (Monday 2024-09-02 to Sunday 2024-10-06) from 13 stores
-- in five regions, about 3,000 rows generated with range(), plus a few hand-written lines in the
-- small 'islands' region that exercise ties, a thin week and an empty week.
CREATE SCHEMA retail;

CREATE TABLE retail.stores (
    store_id  INTEGER PRIMARY KEY,
    region    VARCHAR NOT NULL
);

INSERT INTO retail.stores VALUES
    (1, 'east'), (2, 'east'), (3, 'east'),
    (4, 'south'), (5, 'south'), (6, 'south'),
    (7, 'west'), (8, 'west'), (9, 'west'),
    (10, 'north'), (11, 'north'), (12, 'north'),   -- the north stores opened on 2024-09-16
    (13, 'islands');                                 -- one small store, hand-written sales only

CREATE TABLE retail.products (
    product_id    INTEGER PRIMARY KEY,
    product_name  VARCHAR NOT NULL,
    list_price    DECIMAL(8, 2) NOT NULL
);

INSERT INTO retail.products
SELECT p, 'Product ' || lpad(CAST(p AS VARCHAR), 2, '0'), CAST(4 + (p * 37) % 46 AS DECIMAL(8, 2)) + 0.99
FROM range(1, 41) AS t(p);

CREATE TABLE retail.sales (
    sale_id     INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL,
    product_id  INTEGER NOT NULL,
    sold_at     TIMESTAMP NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  DECIMAL(8, 2) NOT NULL,
    status      VARCHAR NOT NULL        -- 'completed' or 'cancelled'
);

INSERT INTO retail.sales
SELECT 10000 + g.i,
       g.store_id,
       g.product_id,
       g.sold_at,
       1 + (g.i * 11) % 4,
       p.list_price,
       CASE WHEN g.i % 17 = 0 THEN 'cancelled' ELSE 'completed' END
FROM (
    SELECT i,
           1 + (i * 7) % 12                                            AS store_id,
           1 + ((i * 23) % 40 + (i // 40) * 3) % 40                     AS product_id,
           TIMESTAMP '2024-09-02 08:00:00'
               + INTERVAL 1 DAY * ((i * 37) % 35)
               + INTERVAL 1 MINUTE * ((i * 53) % 780)                  AS sold_at
    FROM range(0, 3200) AS t(i)
) AS g
JOIN retail.products AS p USING (product_id)
WHERE NOT (g.store_id >= 10 AND g.sold_at < TIMESTAMP '2024-09-16 00:00:00');

-- The islands store, by hand.
INSERT INTO retail.sales VALUES
    -- week of 2024-09-02: four products tie on revenue (100.00); units and then product_id decide
    (1, 13, 5, TIMESTAMP '2024-09-03 10:00:00', 2, 50.00, 'completed'),
    (2, 13, 6, TIMESTAMP '2024-09-03 11:00:00', 4, 25.00, 'completed'),
    (3, 13, 7, TIMESTAMP '2024-09-04 09:30:00', 4, 25.00, 'completed'),
    (4, 13, 8, TIMESTAMP '2024-09-05 16:00:00', 1, 50.00, 'completed'),
    (5, 13, 8, TIMESTAMP '2024-09-06 12:00:00', 1, 50.00, 'completed'),
    (6, 13, 9, TIMESTAMP '2024-09-08 23:59:00', 1, 30.00, 'completed'),   -- Sunday night: still this week
    -- week of 2024-09-09: only two products sold; a third was cancelled
    (7, 13, 5, TIMESTAMP '2024-09-09 00:00:00', 1, 49.99, 'completed'),   -- Monday midnight: the new week
    (8, 13, 9, TIMESTAMP '2024-09-10 14:00:00', 3, 30.00, 'completed'),
    (9, 13, 10, TIMESTAMP '2024-09-11 15:00:00', 9, 20.00, 'cancelled'),
    -- week of 2024-09-16: the store was closed for renovation, no sales at all
    -- week of 2024-09-23: a cancelled return of the top product of the week
    (10, 13, 11, TIMESTAMP '2024-09-24 10:00:00', 5, 12.00, 'completed'),
    (11, 13, 12, TIMESTAMP '2024-09-24 11:00:00', 2, 20.00, 'completed'),
    (12, 13, 13, TIMESTAMP '2024-09-25 12:00:00', 1, 45.00, 'completed'),
    (13, 13, 14, TIMESTAMP '2024-09-26 13:00:00', 1, 44.00, 'completed'),
    (14, 13, 13, TIMESTAMP '2024-09-27 13:00:00', 1, 45.00, 'cancelled');
