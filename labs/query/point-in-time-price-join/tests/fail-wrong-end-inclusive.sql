-- Wrong: the interval is closed at the wrong end (valid_from < t <= valid_to), so an order on a
-- boundary gets the version that just ended.
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price, p.price_id, p.list_price
FROM sales.orders AS o
LEFT JOIN pricing.product_prices AS p
       ON p.product_id = o.product_id
      AND o.ordered_at > p.valid_from
      AND (p.valid_to IS NULL OR o.ordered_at <= p.valid_to)
ORDER BY o.order_id;
