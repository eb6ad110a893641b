-- Visible dataset: orders with optional discounts and coupon codes.
CREATE SCHEMA shop;

CREATE TABLE shop.orders (
    order_id         INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL,
    channel          VARCHAR,          -- web, app; NULL when the tracking was lost
    subtotal         DECIMAL(10, 2) NOT NULL,
    discount_amount  DECIMAL(10, 2),   -- NULL when no discount was applied
    coupon_code      VARCHAR           -- NULL when no coupon was entered
);

INSERT INTO shop.orders VALUES
    (1,  201, 'web',  80.00, NULL,  NULL),
    (2,  202, 'web', 120.00, 12.00, 'WELCOME10'),
    (3,  203, 'web',  45.00,  0.00, NULL),
    (4,  204, 'web', 200.00, 20.00, 'SPRING20'),
    (5,  201, 'web',  60.00, NULL,  NULL),
    (6,  205, 'web',  99.00,  9.90, 'WELCOME10'),
    (7,  206, 'app', 150.00, 15.00, 'APP15'),
    (8,  207, 'app',  30.00, NULL,  NULL),
    (9,  202, 'app',  75.00, NULL,  NULL),
    (10, 208, 'app',  64.00,  6.40, 'WELCOME10'),
    (11, 209, 'app', 110.00,  0.00, 'EXPIRED5'),
    (12, 210, NULL,   40.00, NULL,  NULL),
    (13, 211, NULL,   55.00,  5.50, 'WELCOME10'),
    (14, 212, NULL,   25.00, NULL,  NULL);
