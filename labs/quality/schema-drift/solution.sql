-- Check: every contracted column must exist in schema shop with the contracted type.
-- LEFT JOIN keeps the contracted columns that have disappeared (renamed or dropped columns,
-- renamed or dropped tables): their actual type is NULL, which IS DISTINCT FROM any type.
-- Columns that exist but are not in the contract are allowed (additive changes).
SELECT
    e.table_name,
    e.column_name,
    e.data_type AS expected_type,
    c.data_type AS actual_type,
    CASE WHEN c.column_name IS NULL THEN 'missing column' ELSE 'type changed' END AS problem
FROM ops.expected_columns AS e
LEFT JOIN information_schema.columns AS c
       ON c.table_schema = 'shop'
      AND c.table_name   = e.table_name
      AND c.column_name  = e.column_name
WHERE c.data_type IS DISTINCT FROM e.data_type;
