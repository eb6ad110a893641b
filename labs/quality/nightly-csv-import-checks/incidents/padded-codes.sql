-- A supplier switched to fixed-width columns in its export tool: every third SKU of its file now
-- ends with spaces, and its currency codes too.
UPDATE imp.price_rows
SET sku = sku || '   ', currency = currency || ' '
WHERE line_no % 3 = 0
  AND file_name = (
        SELECT m.file_name FROM imp.manifests AS m JOIN ops.run_context AS rc ON m.import_date = rc.import_date
        WHERE m.expected_rows > 0
        ORDER BY m.expected_rows, m.file_name LIMIT 1);
