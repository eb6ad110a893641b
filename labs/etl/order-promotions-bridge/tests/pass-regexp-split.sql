-- Also correct: split with a regular expression that swallows the spaces around each comma, keep
-- the pieces in a re-creatable work table, and rebuild both targets from it.
CREATE OR REPLACE TABLE mart._promo_pieces AS
SELECT DISTINCT order_id, upper(trim(piece)) AS code
FROM (
    SELECT order_id, unnest(regexp_split_to_array(promo_codes, '\s*,\s*')) AS piece
    FROM shop.orders
    WHERE promo_codes IS NOT NULL
) AS s
WHERE length(trim(piece)) > 0;

DELETE FROM mart.order_promotions;
INSERT INTO mart.order_promotions
SELECT DISTINCT pc.order_id, p.promotion_id
FROM mart._promo_pieces AS pc
JOIN shop.promotions AS p USING (code);

DELETE FROM mart.unmatched_promo_codes;
INSERT INTO mart.unmatched_promo_codes
SELECT pc.order_id, pc.code
FROM mart._promo_pieces AS pc
LEFT JOIN shop.promotions AS p USING (code)
WHERE p.promotion_id IS NULL;

DROP TABLE mart._promo_pieces;
