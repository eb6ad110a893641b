-- Wrong: skips the splitting and matches each promotion code somewhere inside the text. WELCOME5 is
-- "inside" WELCOME50, so partner orders also get the welcome promotion; and codes that match no
-- promotion are never found, so the unmatched table stays empty.
DELETE FROM mart.order_promotions;
DELETE FROM mart.unmatched_promo_codes;

INSERT INTO mart.order_promotions
SELECT DISTINCT o.order_id, p.promotion_id
FROM shop.orders AS o
JOIN shop.promotions AS p ON upper(o.promo_codes) LIKE '%' || p.code || '%';
