-- Also correct: ASOF finds the last version that started at or before the order, and the CASE
-- keeps it only while that version was still valid.
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price,
       CASE WHEN p.valid_to IS NULL OR o.ordered_at < p.valid_to THEN p.price_id END   AS price_id,
       CASE WHEN p.valid_to IS NULL OR o.ordered_at < p.valid_to THEN p.list_price END AS list_price
FROM sales.orders AS o
ASOF LEFT JOIN pricing.product_prices AS p
       ON p.product_id = o.product_id
      AND o.ordered_at >= p.valid_from
ORDER BY o.order_id;
