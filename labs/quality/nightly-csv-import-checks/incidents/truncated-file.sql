-- The SFTP transfer of tonight's largest file was cut off halfway: only the first half of its
-- lines reached the importer.
DELETE FROM imp.price_rows
WHERE file_name = (
        SELECT m.file_name FROM imp.manifests AS m JOIN ops.run_context AS rc ON m.import_date = rc.import_date
        ORDER BY m.expected_rows DESC, m.file_name LIMIT 1)
  AND line_no > 1 + (
        SELECT m.expected_rows / 2 FROM imp.manifests AS m JOIN ops.run_context AS rc ON m.import_date = rc.import_date
        ORDER BY m.expected_rows DESC, m.file_name LIMIT 1);
