-- A checkout release deployed on Sunday at 12:00 sends amounts in cents; the loader still
-- stores them in amount_eur.
UPDATE shop.orders SET amount_eur = amount_eur * 100
WHERE order_ts >= TIMESTAMP '2024-03-17 12:00:00'
  AND order_ts <  TIMESTAMP '2024-03-18 00:00:00';
