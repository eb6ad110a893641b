-- A mapping change on Sunday at 13:00 filled amount_eur with the shipping fee instead of the
-- order total.
UPDATE shop.orders SET amount_eur = 4.90
WHERE order_ts >= TIMESTAMP '2024-03-17 13:00:00'
  AND order_ts <  TIMESTAMP '2024-03-18 00:00:00';
