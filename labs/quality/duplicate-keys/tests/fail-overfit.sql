-- Overfitted: compares the row counts with the ones seen after the last good load, 8 orders and
-- 14 lines. Every duplicate adds rows, so this catches each incident here, but the next healthy
-- load adds rows too, and the check fires on it.
SELECT count(*) AS orders FROM shop.orders HAVING count(*) <> 8;
SELECT count(*) AS lines FROM shop.order_items HAVING count(*) <> 14;
