-- Hidden dataset: a month more of orders. New customers and products, more spelling variants of
-- emails, a product renamed back, a customer who removed and then re-entered a city, and orders
-- placed the same day.
INSERT INTO sheet.orders_export VALUES
    (1021, DATE '2024-04-02', 'CHLOE.M@mail.example',      'Chloe Martin',     'Paris',   'TEA-WHT-050', 'White tea 50 g',       12.50, 1),
    (1022, DATE '2024-04-02', 'kenji.mori@inbox.example',  'Kenji Mori',       'Osaka',   'TEA-MAT-030', 'Matcha 30 g',          15.00, 2),
    (1023, DATE '2024-04-02', 'kenji.mori@inbox.example',  'Kenji Mori',       NULL,      'MUG-CER-01',  'Ceramic mug',          10.50, 1),
    (1024, DATE '2024-04-09', '  farid.h@post.example  ',  'Farid Haddad',     'Beirut',  'TEA-MAT-030', 'Matcha 30 g',          14.00, 1),
    (1025, DATE '2024-04-09', 'lea.roux@mail.example',     'Lea Roux',         'Nantes',  'TEA-GRN-100', 'Green tea 100 g',       6.90, 1),
    (1025, DATE '2024-04-09', 'lea.roux@mail.example',     'Lea Roux',         'Nantes',  'INF-STL-01',  'Steel tea infuser',     4.80, 1),
    (1026, DATE '2024-04-09', 'Lea.Roux@Mail.Example',     'Léa Roux',         'Nantes',  'KTL-GLS-1L',  'Glass kettle 1 l',     37.00, 1),
    (1027, DATE '2024-04-15', 'jonas.berg@post.example',   'Jonas Berg',       NULL,      'TEA-BLK-250', 'Black tea 250 g',      11.50, 3);

-- The first order of Ben was a test and was removed from the export.
DELETE FROM sheet.orders_export WHERE order_id = 1002;
