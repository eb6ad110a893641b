-- Looks for rows that are identical in every column. An exact replay is caught, but a retry with
-- another batch id, or a second version of an order, has the same key and different contents.
SELECT *, count(*) FROM shop.orders GROUP BY ALL HAVING count(*) > 1;
SELECT *, count(*) FROM shop.order_items GROUP BY ALL HAVING count(*) > 1;
