-- Wrong: looks for the header with ILIKE 'sku%'. The supplier's real codes start with SKU
-- (SKU-10000), so every clean night fires. A header row is the column name itself.
WITH expected AS (
    SELECT m.file_name, m.expected_rows
    FROM imp.manifests AS m JOIN ops.run_context AS rc ON m.import_date = rc.import_date
),
loaded AS (SELECT file_name, count(*) AS n FROM imp.price_rows GROUP BY file_name)
SELECT * FROM expected AS e FULL JOIN loaded AS l ON l.file_name = e.file_name
WHERE e.file_name IS NULL OR coalesce(l.n, 0) <> e.expected_rows;

SELECT file_name, line_no FROM imp.price_rows WHERE sku ILIKE 'sku%';

SELECT file_name, line_no FROM imp.price_rows
WHERE sku <> trim(sku) OR currency <> trim(currency);
