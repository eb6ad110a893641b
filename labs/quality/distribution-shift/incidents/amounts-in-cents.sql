-- A checkout release deployed at noon on the judged day (the day before the run) sends amounts
-- in cents; the loader still stores them in amount_eur.
UPDATE shop.orders SET amount_eur = amount_eur * 100
WHERE order_ts >= (SELECT CAST(as_of AS DATE) - 1 + INTERVAL 12 HOUR FROM ops.run_context)
  AND order_ts <  (SELECT CAST(as_of AS DATE) FROM ops.run_context);
