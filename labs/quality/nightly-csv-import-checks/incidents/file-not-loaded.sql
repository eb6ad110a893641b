-- One supplier uploaded its file after the import had started: tonight's smallest non-empty file
-- is in the manifest but not a single line of it was loaded.
DELETE FROM imp.price_rows
WHERE file_name = (
        SELECT m.file_name FROM imp.manifests AS m JOIN ops.run_context AS rc ON m.import_date = rc.import_date
        WHERE m.expected_rows > 0
        ORDER BY m.expected_rows, m.file_name LIMIT 1);
