-- Wrong: an INNER JOIN silently drops the orders that no version covers: before the first
-- version, in a gap, after a discontinuation, or for products without history. The audit needs
-- them most.
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price, p.price_id, p.list_price
FROM sales.orders AS o
JOIN pricing.product_prices AS p
  ON p.product_id = o.product_id
 AND o.ordered_at >= p.valid_from
 AND (p.valid_to IS NULL OR o.ordered_at < p.valid_to)
ORDER BY o.order_id;
