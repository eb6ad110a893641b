-- Visible dataset: orders with the promotion codes the customer typed at checkout, kept as one
-- comma-separated text column, and the bridge tables an older run of the job left behind.
CREATE SCHEMA shop;
CREATE SCHEMA mart;

CREATE TABLE shop.promotions (
    promotion_id  INTEGER PRIMARY KEY,
    code          VARCHAR NOT NULL UNIQUE,   -- always upper case
    description   VARCHAR NOT NULL
);

INSERT INTO shop.promotions VALUES
    (1, 'SPRING10',  '10% off in spring'),
    (2, 'FREESHIP',  'Free shipping'),
    (3, 'WELCOME5',  '5 EUR off the first order'),
    (4, 'WELCOME50', '50 EUR off for partners'),
    (5, 'VIP20',     '20% for members'),
    (6, 'SUMMER15',  '15% off in summer');

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    order_date   DATE    NOT NULL,
    promo_codes  VARCHAR            -- as typed at checkout, codes separated by commas; NULL when none
);

INSERT INTO shop.orders VALUES
    (9001, DATE '2024-04-01', 'SPRING10'),
    (9002, DATE '2024-04-01', 'spring10,FREESHIP'),
    (9003, DATE '2024-04-02', ' FREESHIP , SPRING10 '),
    (9004, DATE '2024-04-02', NULL),
    (9005, DATE '2024-04-02', ''),
    (9006, DATE '2024-04-03', 'WELCOME5,welcome5'),
    (9007, DATE '2024-04-03', 'WELCOME50'),
    (9008, DATE '2024-04-03', 'SPRING10,,FREESHIP,'),
    (9009, DATE '2024-04-04', 'EASTER24'),
    (9010, DATE '2024-04-04', 'vip20;FREESHIP'),
    (9011, DATE '2024-04-04', '   '),
    (9012, DATE '2024-04-05', 'FreeShip, easter24, EASTER24'),
    (9013, DATE '2024-04-05', 'SUMMER15'),
    (9014, DATE '2024-04-05', 'VIP20, FREESHIP, SPRING10'),
    (9015, DATE '2024-04-06', 'WELCOME5'),
    (9016, DATE '2024-04-06', 'welcome 5'),
    (9017, DATE '2024-04-06', NULL),
    (9018, DATE '2024-04-07', 'SPRING10 ,SPRING10, spring10'),
    (9019, DATE '2024-04-07', ','),
    (9020, DATE '2024-04-07', 'FREESHIP');

-- The bridge: one row per order and promotion it used.
CREATE TABLE mart.order_promotions (
    order_id      INTEGER NOT NULL,
    promotion_id  INTEGER NOT NULL
);

-- Codes that match no promotion, kept for the marketing team to review.
CREATE TABLE mart.unmatched_promo_codes (
    order_id  INTEGER NOT NULL,
    code      VARCHAR NOT NULL
);

-- Left by an older run of the job, before orders 9010 and 9014 were edited by customer service
-- and order 8999 was deleted. None of it can be trusted.
INSERT INTO mart.order_promotions VALUES (8999, 1), (9001, 1), (9010, 2), (9014, 5), (9014, 6);
INSERT INTO mart.unmatched_promo_codes VALUES (9010, 'VIP20;FREESHIP'), (9014, 'VIP 20');
