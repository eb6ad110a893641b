-- Wrong: BETWEEN includes both ends, so an order placed exactly on a price change matches the old
-- version and the new one, and comes back twice.
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price, p.price_id, p.list_price
FROM sales.orders AS o
LEFT JOIN pricing.product_prices AS p
       ON p.product_id = o.product_id
      AND o.ordered_at BETWEEN p.valid_from AND coalesce(p.valid_to, TIMESTAMP '9999-12-31')
ORDER BY o.order_id;
