-- Forgets to restrict information_schema.columns to schema shop: the text columns of
-- staging.orders are matched against the contract of shop.orders and reported as type changes.
SELECT e.table_name, e.column_name, e.data_type, c.data_type
FROM ops.expected_columns AS e
LEFT JOIN information_schema.columns AS c
  ON c.table_name = e.table_name AND c.column_name = e.column_name
WHERE c.data_type IS DISTINCT FROM e.data_type;
