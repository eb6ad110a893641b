-- Visible dataset: one nightly CSV drop from a marketplace partner, loaded as text.
CREATE SCHEMA raw;
CREATE SCHEMA clean;

-- Every column is VARCHAR: the loader copies the CSV cells as they are.
CREATE TABLE raw.orders_feed (
    order_id        VARCHAR,
    customer_email  VARCHAR,
    status          VARCHAR,
    amount          VARCHAR,
    order_date      VARCHAR,
    country_code    VARCHAR
);

INSERT INTO raw.orders_feed VALUES
    ('5001',    'anna.berg@example.com',     'paid',        '12.50',     '2024-03-01', 'SE'),
    (' 5002',   '  Tom.Hall@Example.com ',   'Shipped',     ' 129.00 ',  '2024-03-01', 'gb'),
    ('5003 ',   'lea.roux@example.fr',       ' DELIVERED ', '45',        '02/03/2024', ' FR '),
    ('5004',    'MAX.KOCH@EXAMPLE.DE',       'pending',     '  8.99',    '20240302',   'de'),
    ('5005',    'sara.lind@example.com',     'canceled',    '60.00',     '2024-03-03', 'SE'),
    ('5006',    '',                          'paid',        '15.75 ',    '03/03/2024', 'NL'),
    ('order_id','customer_email',            'status',      'amount',    'order_date', 'country_code'),
    ('5007',    'ben.ode@example.com ',      'PAID',        'n/a',       '2024-03-04', 'nl'),
    ('5008',    '   ',                       'Cancelled',   '0.00',      '2024-02-30', 'BE'),
    ('5009',    'ines.sol@example.es',       'shipped',     '249.90',    '31/04/2024', 'ES'),
    ('5010',    ' Ola.Dahl@example.no',      'delivered ',  ' 19.99 ',   '2024-03-05', ''),
    ('5011',    'kim.ek@example.com',        '  paid',      '',          'unknown',    'SE'),
    ('5012',    'Lena.Wolf@example.de',      'Delivered',   '1250.00',   '05/03/2024', 'DE'),
    ('5013',    'omar.farah@example.com',    'pending',     '74.10',     '12/31/2024', 'gb '),
    ('',        'ghost@example.com',         'paid',        '10.00',     '2024-03-06', 'SE'),
    ('5014',    'eva.nyberg@example.com',    'CANCELED ',   '33.30',     '20240306',   'se'),
    ('5015',    'jon.berg@example.com',      'shipped',     ' 5.5',      '',           'NO'),
    ('5016',    'nina.holm@example.dk',      'Paid',        '99.95',     ' 2024-03-07 ','DK');

-- The target is created for you: fill it, do not recreate it.
CREATE TABLE clean.orders (
    order_id        INTEGER,
    customer_email  VARCHAR,
    status          VARCHAR,
    amount          DECIMAL(10, 2),
    order_date      DATE,
    country_code    VARCHAR
);
