-- Correct too: CASE expressions and a hand-made average.
SELECT CASE WHEN channel IS NULL THEN 'unknown' ELSE channel END,
       count(order_id),
       sum(CASE WHEN discount_amount > 0 THEN 1 ELSE 0 END),
       round(sum(CASE WHEN discount_amount IS NULL THEN 0 ELSE discount_amount END) / count(*), 2),
       round(sum(subtotal) - coalesce(sum(discount_amount), 0), 2),
       sum(CASE WHEN coupon_code = 'WELCOME10' THEN 0 ELSE 1 END)
FROM shop.orders
GROUP BY 1;
