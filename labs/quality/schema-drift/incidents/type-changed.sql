-- The upstream service switched order amounts to floating point.
ALTER TABLE shop.orders ALTER COLUMN amount TYPE DOUBLE;
