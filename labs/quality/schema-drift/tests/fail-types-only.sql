-- Compares types with an INNER JOIN only: a column that disappeared has nothing to join to,
-- so renamed and dropped columns are never reported.
SELECT e.table_name, e.column_name, e.data_type, c.data_type
FROM ops.expected_columns AS e
JOIN information_schema.columns AS c
  ON c.table_schema = 'shop' AND c.table_name = e.table_name AND c.column_name = e.column_name
WHERE c.data_type <> e.data_type;
