-- Half-open interval match: valid_from <= ordered_at < valid_to, with a NULL valid_to meaning
-- "still valid". The LEFT JOIN keeps orders that no version covers (before the first version,
-- inside a gap, after a discontinuation, or for a product without history) with NULL prices.
-- Versions of one product never overlap, so an order matches at most one version.
SELECT o.order_id,
       o.product_id,
       o.ordered_at,
       o.unit_price,
       p.price_id,
       p.list_price
FROM sales.orders AS o
LEFT JOIN pricing.product_prices AS p
       ON p.product_id = o.product_id
      AND o.ordered_at >= p.valid_from
      AND (p.valid_to IS NULL OR o.ordered_at < p.valid_to)
ORDER BY o.order_id;
