-- Check 1: every file of tonight's manifest has exactly its expected number of data rows, and no
-- file outside tonight's manifest was loaded. The FULL JOIN catches both directions; a file that
-- is expected empty (0 rows) and has no rows matches.
WITH expected AS (
    SELECT m.file_name, m.expected_rows
    FROM imp.manifests AS m
    JOIN ops.run_context AS rc ON m.import_date = rc.import_date
),
loaded AS (
    SELECT file_name, count(*) AS loaded_rows
    FROM imp.price_rows
    GROUP BY file_name
)
SELECT coalesce(e.file_name, l.file_name) AS file_name,
       e.expected_rows,
       coalesce(l.loaded_rows, 0) AS loaded_rows
FROM expected AS e
FULL JOIN loaded AS l ON l.file_name = e.file_name
WHERE e.file_name IS NULL
   OR coalesce(l.loaded_rows, 0) <> e.expected_rows;

-- Check 2: a header line loaded as data carries the column names as values.
SELECT file_name, line_no, sku, price
FROM imp.price_rows
WHERE lower(trim(sku)) = 'sku'
   OR lower(trim(price)) = 'price'
   OR lower(trim(currency)) = 'currency';

-- Check 3: codes must not carry leading or trailing whitespace (the joins to the product and
-- currency tables compare them exactly). Free-text descriptions may.
SELECT file_name, line_no, sku, currency
FROM imp.price_rows
WHERE sku <> trim(sku)
   OR currency <> trim(currency);
