-- Wrong: counts the rows per file found in staging and joins the manifest to them. A file that
-- was not loaded at all has no group in staging, so nothing ever compares it with its manifest
-- line, and the night with a missing supplier looks healthy.
SELECT p.file_name, count(*) AS n, min(m.expected_rows) AS expected_rows
FROM imp.price_rows AS p
JOIN imp.manifests AS m ON m.file_name = p.file_name
GROUP BY p.file_name
HAVING count(*) <> min(m.expected_rows);

SELECT file_name, line_no FROM imp.price_rows
WHERE lower(trim(sku)) = 'sku' OR lower(trim(price)) = 'price' OR lower(trim(currency)) = 'currency';

SELECT file_name, line_no FROM imp.price_rows
WHERE sku <> trim(sku) OR currency <> trim(currency);
