-- Same as above, but hides the one extra column seen today by name: the next additive change
-- (a new optional column) fires again.
SELECT coalesce(e.table_name, c.table_name), coalesce(e.column_name, c.column_name)
FROM ops.expected_columns AS e
FULL OUTER JOIN (
    SELECT table_name, column_name, data_type
    FROM information_schema.columns
    WHERE table_schema = 'shop' AND column_name <> '_loaded_at'
) AS c
  ON c.table_name = e.table_name AND c.column_name = e.column_name
WHERE c.data_type IS DISTINCT FROM e.data_type;
