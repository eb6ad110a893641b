-- Visible dataset: products and the order lines that sold them.
CREATE SCHEMA shop;

CREATE TABLE shop.products (
    product_id    INTEGER PRIMARY KEY,
    product_name  VARCHAR NOT NULL,
    category      VARCHAR NOT NULL
);

CREATE TABLE shop.order_items (
    order_id    INTEGER NOT NULL,
    line_no     INTEGER NOT NULL,
    product_id  INTEGER NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  DECIMAL(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

INSERT INTO shop.products VALUES
    (1,  'The Pragmatic Programmer',              'books'),
    (2,  'Designing Data-Intensive Applications', 'books'),
    (3,  'Fundamentals of Data Engineering',      'books'),
    (4,  'SQL Performance Explained',             'books'),
    (5,  'Mechanical Keyboard',                   'electronics'),
    (6,  'HD Webcam',                             'electronics'),
    (7,  '27-inch Monitor',                       'electronics'),
    (8,  'USB Cable',                             'electronics'),
    (9,  'Raised Bed Kit',                        'garden'),
    (10, 'Watering Can',                          'garden'),
    (11, 'Dutch Oven',                            'kitchen'),
    (12, 'Salad Spinner',                         'kitchen'),
    (13, 'Wooden Train Set',                      'toys'),
    (14, 'Kite',                                  'toys'),
    (15, 'Board Game',                            'toys');

INSERT INTO shop.order_items VALUES
    (1,  1, 1,  2,  50.00),
    (1,  2, 5,  6, 150.00),
    (2,  1, 2,  5,  60.00),
    (3,  1, 1,  4,  50.00),
    (4,  1, 3,  4,  50.00),
    (5,  1, 4,  3,  50.00),
    (6,  1, 6,  8,  80.00),
    (7,  1, 7,  2, 320.00),
    (8,  1, 8,  6,  12.00),
    (9,  1, 8,  4,  12.00),
    (10, 1, 9,  1, 210.00),
    (11, 1, 10, 5,  19.00),
    (12, 1, 11, 4, 120.00),
    (13, 1, 13, 1,  55.00),
    (14, 1, 14, 5,  11.00),
    (15, 1, 15, 1,  30.00),
    (16, 1, 15, 1,  25.00);
