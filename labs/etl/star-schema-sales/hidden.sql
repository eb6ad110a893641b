-- Hidden dataset: new customers and products that shift the surrogate keys, more days, more guests.
INSERT INTO raw.customers VALUES
    ('CU-0990', 'Elin Holm',      'SE', DATE '2023-06-30'),   -- sorts first: every customer key moves
    ('CU-1012', 'Tomas Novak',    'CZ', DATE '2024-03-15'),   -- no sales: still a dimension member
    ('CU-1003', 'Hugo Lefebvre',  NULL, NULL);                -- unknown country

INSERT INTO raw.products VALUES
    ('ACC-BRU-001', 'Bamboo whisk', 'teaware', 12.00),        -- sorts first: every product key moves
    ('TEA-WHT-025', 'Silver Needle 25 g', 'white tea', 14.50); -- never sold

INSERT INTO raw.sales VALUES
    (15, TIMESTAMP '2024-03-03 23:59:59.999', 'CU-0990', 'ACC-BRU-001', 1, 12.00),
    (16, TIMESTAMP '2024-03-31 12:00:00',     'CU-1003', 'TEA-BLK-100', 2,  7.50),
    (17, TIMESTAMP '2024-04-01 00:00:00',     NULL,      'TEA-GRN-050', 3,  6.90),
    (18, TIMESTAMP '2024-04-01 09:30:00',     'CU-2000', 'TEA-OOL-050', 1,  9.80),
    (19, TIMESTAMP '2024-03-04 08:00:00',     'CU-1010', 'POT-CER-001', 2, 32.30);

-- the only sale of 10 March is voided: that day must leave dim_date
DELETE FROM raw.sales WHERE sale_id = 14;
-- a guest sale is matched to a customer after all
UPDATE raw.sales SET customer_code = 'CU-1005' WHERE sale_id = 11;
