-- Wrong: everything is right except that the NULL channel is not labelled 'unknown'.
SELECT channel,
       count(*),
       count(*) FILTER (WHERE discount_amount > 0),
       round(avg(coalesce(discount_amount, 0)), 2),
       round(sum(subtotal - coalesce(discount_amount, 0)), 2),
       count(*) FILTER (WHERE coupon_code IS DISTINCT FROM 'WELCOME10')
FROM shop.orders
GROUP BY channel;
