-- Wrong: avg() skips NULLs, so orders without a discount do not pull the average down,
-- and a channel without any discount gets NULL instead of 0.
SELECT coalesce(channel, 'unknown'),
       count(*),
       count(*) FILTER (WHERE discount_amount > 0),
       round(avg(discount_amount), 2),
       round(sum(subtotal - coalesce(discount_amount, 0)), 2),
       count(*) FILTER (WHERE coupon_code IS DISTINCT FROM 'WELCOME10')
FROM shop.orders
GROUP BY coalesce(channel, 'unknown');
