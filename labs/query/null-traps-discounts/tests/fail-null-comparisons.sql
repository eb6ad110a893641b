-- Wrong: coupon_code <> 'WELCOME10' is NULL (not true) for orders without a coupon,
-- count(discount_amount) also counts the 0.00 discounts, and subtotal - NULL is NULL.
SELECT coalesce(channel, 'unknown'),
       count(*),
       count(discount_amount),
       round(avg(coalesce(discount_amount, 0)), 2),
       round(sum(subtotal - discount_amount), 2),
       count(*) FILTER (WHERE coupon_code <> 'WELCOME10')
FROM shop.orders
GROUP BY coalesce(channel, 'unknown');
