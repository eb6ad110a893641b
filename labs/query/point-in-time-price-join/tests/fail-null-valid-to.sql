-- Wrong: "ordered_at < valid_to" is NULL for the current versions, so no order placed after the
-- last price change finds its price.
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price, p.price_id, p.list_price
FROM sales.orders AS o
LEFT JOIN pricing.product_prices AS p
       ON p.product_id = o.product_id
      AND o.ordered_at >= p.valid_from
      AND o.ordered_at < p.valid_to
ORDER BY o.order_id;
