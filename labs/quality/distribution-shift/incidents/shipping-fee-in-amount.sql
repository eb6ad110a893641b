-- A mapping change deployed at 13:00 on the judged day filled amount_eur with the shipping fee
-- instead of the order total.
UPDATE shop.orders SET amount_eur = 4.90
WHERE order_ts >= (SELECT CAST(as_of AS DATE) - 1 + INTERVAL 13 HOUR FROM ops.run_context)
  AND order_ts <  (SELECT CAST(as_of AS DATE) FROM ops.run_context);
