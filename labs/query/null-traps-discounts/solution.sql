SELECT coalesce(channel, 'unknown')                                  AS channel,
       count(*)                                                      AS order_count,
       count(*) FILTER (WHERE discount_amount > 0)                   AS discounted_orders,
       round(avg(coalesce(discount_amount, 0)), 2)                   AS avg_discount,
       round(sum(subtotal - coalesce(discount_amount, 0)), 2)        AS net_revenue,
       count(*) FILTER (WHERE coupon_code IS DISTINCT FROM 'WELCOME10') AS non_welcome_orders
FROM shop.orders
GROUP BY coalesce(channel, 'unknown');
