-- Visible dataset: tonight's import of supplier price lists, loaded from CSV files as text, and the
-- manifests the suppliers send with their files.
CREATE SCHEMA ops;
CREATE SCHEMA imp;

-- The night being checked.
CREATE TABLE ops.run_context (import_date DATE NOT NULL);
INSERT INTO ops.run_context VALUES (DATE '2024-06-12');

-- Every supplier sends a manifest with each file: how many data rows (header excluded) it holds.
-- The table keeps the manifests of every night.
CREATE TABLE imp.manifests (
    import_date    DATE    NOT NULL,
    file_name      VARCHAR NOT NULL,
    expected_rows  INTEGER NOT NULL
);

INSERT INTO imp.manifests VALUES
    (DATE '2024-06-10', 'acme_prices_20240610.csv',  38),
    (DATE '2024-06-10', 'bolt_prices_20240610.csv',  22),
    (DATE '2024-06-11', 'acme_prices_20240611.csv',  41),
    (DATE '2024-06-11', 'bolt_prices_20240611.csv',  19),
    (DATE '2024-06-11', 'delta_prices_20240611.csv', 10),
    (DATE '2024-06-12', 'acme_prices_20240612.csv',  40),
    (DATE '2024-06-12', 'bolt_prices_20240612.csv',  25),
    (DATE '2024-06-12', 'cargo_prices_20240612.csv',  0),   -- cargo had no price changes today
    (DATE '2024-06-12', 'delta_prices_20240612.csv', 12);

-- Staging: tonight's files as loaded by the CSV importer, every column as text. The table is
-- emptied before each night's import. line_no is the line in the file: the header is line 1,
-- so data starts at line 2.
CREATE TABLE imp.price_rows (
    file_name    VARCHAR NOT NULL,
    line_no      INTEGER NOT NULL,
    sku          VARCHAR,
    description  VARCHAR,
    price        VARCHAR,
    currency     VARCHAR,
    valid_from   VARCHAR
);

INSERT INTO imp.price_rows
SELECT f.file_name,
       k + 2,
       CASE f.supplier
           WHEN 'acme'  THEN 'SKU-' || CAST(10000 + k * 37 AS VARCHAR)
           WHEN 'bolt'  THEN 'BLT-' || lpad(CAST(k * 13 + 7 AS VARCHAR), 5, '0')
           ELSE 'DL' || CAST(500 + k AS VARCHAR) || 'X'
       END,
       -- free text, exactly as the supplier typed it (some lines end with spaces)
       ['Hex bolt M8 x 40  ', 'Washer, zinc', 'Cable tie 200 mm', 'Wall plug 6 mm ', 'Wood screw 4 x 30'][1 + k % 5],
       CAST(CAST(0.35 + (k * 17 % 900) / 100.0 AS DECIMAL(8, 2)) AS VARCHAR),
       CASE f.supplier WHEN 'bolt' THEN 'GBP' ELSE 'EUR' END,
       '2024-06-13'
FROM (SELECT file_name, expected_rows, split_part(file_name, '_', 1) AS supplier
      FROM imp.manifests WHERE import_date = DATE '2024-06-12') AS f,
     range(0, 200) AS r(k)
WHERE k < f.expected_rows;
