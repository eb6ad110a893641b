-- Also correct: replace the open end with 'infinity' once, then compare half-open intervals.
WITH versions AS (
    SELECT price_id, product_id, list_price, valid_from,
           coalesce(valid_to, TIMESTAMP 'infinity') AS valid_until
    FROM pricing.product_prices
)
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price, v.price_id, v.list_price
FROM sales.orders AS o
LEFT JOIN versions AS v
       ON v.product_id = o.product_id
      AND v.valid_from <= o.ordered_at
      AND o.ordered_at < v.valid_until
ORDER BY o.order_id;
