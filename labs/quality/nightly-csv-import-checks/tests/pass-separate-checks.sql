-- Also correct: one check per failure mode, each easy to read in an alert. Unexpected files,
-- count mismatches (a missing file counts 0 rows), header rows and padded codes.
SELECT DISTINCT p.file_name, 'file not in tonight''s manifest' AS problem
FROM imp.price_rows AS p
WHERE NOT EXISTS (
    SELECT 1 FROM imp.manifests AS m, ops.run_context AS rc
    WHERE m.import_date = rc.import_date AND m.file_name = p.file_name
);

SELECT m.file_name, m.expected_rows,
       (SELECT count(*) FROM imp.price_rows AS p WHERE p.file_name = m.file_name) AS loaded_rows
FROM imp.manifests AS m, ops.run_context AS rc
WHERE m.import_date = rc.import_date
  AND m.expected_rows <> (SELECT count(*) FROM imp.price_rows AS p WHERE p.file_name = m.file_name);

SELECT file_name, line_no, 'header row' AS problem
FROM imp.price_rows
WHERE upper(trim(sku)) = 'SKU' OR upper(trim(valid_from)) = 'VALID_FROM' OR upper(trim(price)) = 'PRICE';

SELECT file_name, line_no, 'padded code' AS problem
FROM imp.price_rows
WHERE regexp_matches(sku, '^\s|\s$') OR regexp_matches(currency, '^\s|\s$');
