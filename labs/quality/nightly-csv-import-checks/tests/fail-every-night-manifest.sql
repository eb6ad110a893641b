-- Wrong: compares staging with the manifests of every night. Staging only ever holds tonight's
-- files, so the files of earlier nights all look "not loaded" and the check fires on clean data.
WITH loaded AS (SELECT file_name, count(*) AS n FROM imp.price_rows GROUP BY file_name)
SELECT m.file_name
FROM imp.manifests AS m
FULL JOIN loaded AS l ON l.file_name = m.file_name
WHERE m.file_name IS NULL OR coalesce(l.n, 0) <> m.expected_rows;

SELECT file_name, line_no FROM imp.price_rows
WHERE lower(trim(sku)) = 'sku' OR lower(trim(price)) = 'price' OR lower(trim(currency)) = 'currency';

SELECT file_name, line_no FROM imp.price_rows
WHERE sku <> trim(sku) OR currency <> trim(currency);
