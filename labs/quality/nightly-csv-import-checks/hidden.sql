-- Hidden clean variant: the next night. Other files and sizes, a new supplier, bolt sends an
-- empty file, and the staging table holds the new night's import only.
UPDATE ops.run_context SET import_date = DATE '2024-06-13';

INSERT INTO imp.manifests VALUES
    (DATE '2024-06-13', 'acme_prices_20240613.csv',  35),
    (DATE '2024-06-13', 'bolt_prices_20240613.csv',   0),
    (DATE '2024-06-13', 'delta_prices_20240613.csv', 18),
    (DATE '2024-06-13', 'echo_prices_20240613.csv',   9);

DELETE FROM imp.price_rows;

INSERT INTO imp.price_rows
SELECT f.file_name,
       k + 2,
       CASE f.supplier
           WHEN 'acme'  THEN 'SKU-' || CAST(20000 + k * 41 AS VARCHAR)
           WHEN 'delta' THEN 'DL' || CAST(700 + k AS VARCHAR) || 'X'
           ELSE 'SKU' || CAST(k + 1 AS VARCHAR) || '-PACK'
       END,
       ['  Anchor bolt M10', 'Sku label roll ', 'Price tag holder', 'Hinge 60 mm   ', 'Currency-safe box'][1 + k % 5],
       CAST(CAST(1.10 + (k * 23 % 700) / 100.0 AS DECIMAL(8, 2)) AS VARCHAR),
       CASE f.supplier WHEN 'echo' THEN 'KRW' ELSE 'EUR' END,
       '2024-06-14'
FROM (SELECT file_name, expected_rows, split_part(file_name, '_', 1) AS supplier
      FROM imp.manifests WHERE import_date = DATE '2024-06-13') AS f,
     range(0, 200) AS r(k)
WHERE k < f.expected_rows;
