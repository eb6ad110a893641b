-- Treats any difference as drift, including columns that are not in the contract: the
-- loader's technical column and additive changes fire the check on healthy data.
SELECT coalesce(e.table_name, c.table_name), coalesce(e.column_name, c.column_name)
FROM ops.expected_columns AS e
FULL OUTER JOIN (
    SELECT table_name, column_name, data_type
    FROM information_schema.columns
    WHERE table_schema = 'shop'
) AS c
  ON c.table_name = e.table_name AND c.column_name = e.column_name
WHERE c.data_type IS DISTINCT FROM e.data_type;
