-- Visible dataset: products, orders and order lines of a small home-goods shop.
CREATE SCHEMA shop;

CREATE TABLE shop.products (
    product_id    INTEGER PRIMARY KEY,
    product_name  VARCHAR NOT NULL,
    category      VARCHAR NOT NULL
);

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL,
    order_date   DATE NOT NULL,
    status       VARCHAR NOT NULL    -- paid, shipped, delivered, cancelled
);

CREATE TABLE shop.order_items (
    order_id    INTEGER NOT NULL,
    line_no     INTEGER NOT NULL,
    product_id  INTEGER NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  DECIMAL(10, 2) NOT NULL,   -- price actually charged on this line
    PRIMARY KEY (order_id, line_no)
);

INSERT INTO shop.products VALUES
    (1,  'Clean Code',                  'books'),
    (2,  'SQL Cookbook',                'books'),
    (3,  'USB-C Hub',                   'electronics'),
    (4,  'Noise-cancelling Headphones', 'electronics'),
    (5,  'Garden Hose',                 'garden'),
    (6,  'Pruning Shears',              'garden'),
    (7,  'Chef Knife',                  'kitchen'),
    (8,  'Cast Iron Pan',               'kitchen'),
    (9,  'Puzzle 1000 pieces',          'toys'),
    (10, 'Yoga Mat',                    'sports');

INSERT INTO shop.orders VALUES
    (1,  101, DATE '2024-04-01', 'delivered'),
    (2,  102, DATE '2024-04-01', 'delivered'),
    (3,  103, DATE '2024-04-02', 'shipped'),
    (4,  104, DATE '2024-04-03', 'delivered'),
    (5,  101, DATE '2024-04-04', 'paid'),
    (6,  105, DATE '2024-04-05', 'shipped'),
    (7,  106, DATE '2024-04-06', 'paid'),
    (8,  107, DATE '2024-04-07', 'delivered'),
    (9,  102, DATE '2024-04-08', 'shipped'),
    (10, 108, DATE '2024-04-09', 'cancelled'),
    (11, 109, DATE '2024-04-10', 'paid'),
    (12, 110, DATE '2024-04-11', 'delivered');

INSERT INTO shop.order_items VALUES
    (1,  1, 1,  2,  35.00),
    (1,  2, 2,  1,  45.00),
    (2,  1, 3,  2,  29.90),
    (2,  2, 4,  1, 199.00),
    (3,  1, 5,  2,  40.00),
    (3,  2, 6,  1,  25.00),
    (3,  3, 7,  1, 120.00),
    (4,  1, 2,  3,  45.00),
    (5,  1, 4,  1, 199.00),
    (6,  1, 5,  5,  40.00),
    (6,  2, 8,  2,  65.00),
    (7,  1, 1,  1,  35.00),
    (7,  2, 9,  3,  19.99),
    (8,  1, 3,  1,  29.90),
    (8,  2, 10, 2,  30.00),
    (9,  1, 6,  4,  25.00),
    (9,  2, 7,  1, 120.00),
    (9,  3, 8,  2,  65.00),
    (10, 1, 1, 10,  35.00),
    (10, 2, 10, 20, 30.00),
    (11, 1, 4,  1, 189.00),
    (12, 1, 5,  2,  40.00),
    (12, 2, 6,  6,  25.00),
    (12, 3, 9,  1,  19.99);
