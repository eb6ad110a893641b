-- Wrong: an ASOF join on valid_from alone takes the latest version that started before the
-- order, whether or not it had already ended. Orders inside a gap or after a discontinuation get
-- a stale price.
SELECT o.order_id, o.product_id, o.ordered_at, o.unit_price, p.price_id, p.list_price
FROM sales.orders AS o
ASOF LEFT JOIN pricing.product_prices AS p
       ON p.product_id = o.product_id
      AND o.ordered_at >= p.valid_from
ORDER BY o.order_id;
