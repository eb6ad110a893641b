-- Visible dataset: the order-line export the sales team has kept in a spreadsheet, one row per
-- order line, with the customer's and the product's details repeated on every line.
CREATE SCHEMA sheet;

CREATE TABLE sheet.orders_export (
    order_id        INTEGER       NOT NULL,  -- assigned in time order: a higher id is a later order
    order_date      DATE          NOT NULL,
    customer_email  VARCHAR       NOT NULL,
    customer_name   VARCHAR       NOT NULL,
    customer_city   VARCHAR,                 -- NULL when the customer removed it from their profile
    product_sku     VARCHAR       NOT NULL,
    product_name    VARCHAR       NOT NULL,
    unit_price      DECIMAL(8, 2) NOT NULL,
    quantity        INTEGER       NOT NULL
);

INSERT INTO sheet.orders_export VALUES
    (1001, DATE '2024-01-05', 'ana.silva@mail.example',    'Ana Silva',     'Lisbon',   'TEA-GRN-100', 'Green tea 100 g',        6.50, 2),
    (1001, DATE '2024-01-05', 'ana.silva@mail.example',    'Ana Silva',     'Lisbon',   'MUG-CER-01',  'Ceramic mug',            9.90, 1),
    (1002, DATE '2024-01-05', 'ben.okafor@post.example',   'Ben Okafor',    'Lagos',    'TEA-BLK-250', 'Black tea 250 g',       11.00, 1),
    (1003, DATE '2024-01-09', 'chloe.m@mail.example',      'Chloe Martin',  'Lyon',     'TEA-GRN-100', 'Green tea 100 g',        6.50, 3),
    (1004, DATE '2024-01-12', 'Ana.Silva@mail.example ',   'Ana Silva',     'Porto',    'KTL-GLS-1L',  'Glass kettle 1 l',      34.00, 1),
    (1005, DATE '2024-01-20', 'dev.patel@inbox.example',   'Dev Patel',     'Leeds',    'TEA-OOL-100', 'Oolong 100 g',           8.20, 2),
    (1005, DATE '2024-01-20', 'dev.patel@inbox.example',   'Dev Patel',     'Leeds',    'MUG-CER-01',  'Ceramic mug',            9.90, 2),
    (1006, DATE '2024-02-02', 'ben.okafor@post.example',   'Benjamin Okafor', 'Lagos',  'TEA-GRN-100', 'Green tea 100 g',        6.90, 1),
    (1007, DATE '2024-02-02', 'emma.novak@mail.example',   'Emma Novak',    'Prague',   'INF-STL-01',  'Steel infuser',          4.50, 4),
    (1008, DATE '2024-02-14', 'chloe.m@mail.example',      'Chloe Martin',  NULL,       'TEA-BLK-250', 'Black tea 250 g',       11.00, 2),
    (1009, DATE '2024-02-14', 'farid.h@post.example',      'Farid Haddad',  'Beirut',   'KTL-GLS-1L',  'Glass kettle 1 l',      36.00, 1),
    (1010, DATE '2024-02-14', 'BEN.OKAFOR@post.example',   'Ben Okafor',    'Abuja',    'TEA-OOL-100', 'Oolong tea 100 g',       8.20, 1),
    (1011, DATE '2024-02-20', 'dev.patel@inbox.example',   'Dev Patel',     'York',     'INF-STL-01',  'Steel infuser',          4.50, 1),
    (1011, DATE '2024-02-20', 'dev.patel@inbox.example',   'Dev Patel',     'York',     'TEA-GRN-100', 'Green tea 100 g',        6.90, 2),
    (1011, DATE '2024-02-20', 'dev.patel@inbox.example',   'Dev Patel',     'York',     'MUG-CER-01',  'Ceramic mug, white',     9.90, 1),
    (1012, DATE '2024-03-01', 'greta.lind@mail.example',   'Greta Lind',    'Malmo',    'TEA-BLK-250', 'Black tea 250 g',       11.50, 1),
    (1013, DATE '2024-03-01', 'emma.novak@mail.example',   'Emma Novakova', 'Brno',     'TEA-WHT-050', 'White tea 50 g',        12.00, 1),
    (1014, DATE '2024-03-01', ' greta.lind@mail.example',  'Greta Lind',    'Lund',     'INF-STL-01',  'Steel infuser',          4.80, 2),
    (1015, DATE '2024-03-08', 'hugo.b@inbox.example',      'Hugo Brandt',   'Bremen',   'TEA-OOL-100', 'Oolong tea 100 g',       8.50, 1),
    (1016, DATE '2024-03-08', 'farid.h@post.example',      'Farid Haddad',  NULL,       'MUG-CER-01',  'Ceramic mug, white',    10.50, 2),
    (1017, DATE '2024-03-15', 'ines.costa@mail.example',   'Ines Costa',    'Faro',     'TEA-WHT-050', 'White tea 50 g',        12.00, 2),
    (1017, DATE '2024-03-15', 'ines.costa@mail.example',   'Ines Costa',    'Faro',     'KTL-GLS-1L',  'Glass kettle 1.0 l',    36.00, 1),
    (1018, DATE '2024-03-15', 'hugo.b@inbox.example',      'Hugo Brandt',   'Hamburg',  'TEA-GRN-100', 'Green tea 100 g',        6.90, 5),
    (1018, DATE '2024-03-15', 'hugo.b@inbox.example',      'Hugo Brandt',   'Hamburg',  'KTL-GLS-1L',  'Glass kettle 1.0 l',    37.00, 1),
    (1019, DATE '2024-03-22', 'ana.silva@mail.example',    'Ana Silva-Reis', 'Porto',   'TEA-BLK-250', 'Black tea 250 g',       11.50, 1),
    (1020, DATE '2024-03-22', 'jonas.berg@post.example',   'Jonas Berg',    'Bergen',   'INF-STL-01',  'Steel tea infuser',      4.80, 1);
