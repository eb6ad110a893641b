-- Hidden dataset: the next drop, with more formats and more broken cells.
INSERT INTO raw.orders_feed VALUES
    ('5101',     ' Ada.Lowe@Example.COM',   '  CANCELED',  ' 0.5 ',    '2024-3-9',    ' ie'),
    ('5102',     'li.wu@example.com',       'Pending ',    '   ',      '29/02/2024',  'SE'),
    ('5103',     'raj.iyer@example.in',     'SHIPPED',     '310.00',   '29/02/2023',  'IN'),
    ('5104',     'mia.roth@example.at',     'paid',        '-15.00',   '20240230',    'at'),
    ('5105',     'leo.sand@example.com',    'delivered',   'N/A',      '20240229',    ''),
    ('order_id', 'customer_email',          'status',      'amount',   'order_date',  'country_code'),
    ('   ',      'nobody@example.com',      'paid',        '1.00',     '2024-03-09',  'SE'),
    ('5106',     '',                        'Canceled',    '7',        '01/12/2024',  '  '),
    ('5107',     'zoe.ng@example.sg ',      ' paid ',      '1000',     '10.03.2024',  'SG');

-- cells of already visible rows change, so a typed-in copy of the visible answer fails
UPDATE raw.orders_feed SET status = ' Delivered ', amount = '13.00 ' WHERE order_id = '5001';
UPDATE raw.orders_feed SET order_date = '07/03/2024' WHERE order_id = '5016';
DELETE FROM raw.orders_feed WHERE order_id = '5009';
