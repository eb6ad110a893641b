-- Another correct formulation: one check for missing columns, one for changed types.
SELECT e.table_name, e.column_name
FROM ops.expected_columns AS e
WHERE NOT EXISTS (
    SELECT 1 FROM information_schema.columns AS c
    WHERE c.table_schema = 'shop'
      AND c.table_name = e.table_name
      AND c.column_name = e.column_name
);

SELECT e.table_name, e.column_name, e.data_type, c.data_type
FROM ops.expected_columns AS e
JOIN information_schema.columns AS c
  ON c.table_schema = 'shop' AND c.table_name = e.table_name AND c.column_name = e.column_name
WHERE c.data_type <> e.data_type;
