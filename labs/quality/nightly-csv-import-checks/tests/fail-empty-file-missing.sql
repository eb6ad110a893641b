-- Wrong: treats a manifest file without staged rows as missing, even when the manifest says it has
-- 0 rows. A supplier with no price changes sends an empty file, and that is a healthy night.
WITH expected AS (
    SELECT m.file_name, m.expected_rows
    FROM imp.manifests AS m JOIN ops.run_context AS rc ON m.import_date = rc.import_date
),
loaded AS (SELECT file_name, count(*) AS n FROM imp.price_rows GROUP BY file_name)
SELECT * FROM expected AS e FULL JOIN loaded AS l ON l.file_name = e.file_name
WHERE e.file_name IS NULL OR l.file_name IS NULL OR l.n <> e.expected_rows;

SELECT file_name, line_no FROM imp.price_rows
WHERE lower(trim(sku)) = 'sku' OR lower(trim(price)) = 'price' OR lower(trim(currency)) = 'currency';

SELECT file_name, line_no FROM imp.price_rows
WHERE sku <> trim(sku) OR currency <> trim(currency);
