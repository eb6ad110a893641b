-- Wrong: upper-cases the pieces but does not trim them. ' FREESHIP ' is not 'FREESHIP', so codes
-- typed with a space after the comma end up in the unmatched table instead of the bridge.
DELETE FROM mart.order_promotions;
DELETE FROM mart.unmatched_promo_codes;

INSERT INTO mart.order_promotions
WITH codes AS (
    SELECT DISTINCT o.order_id, upper(piece) AS code
    FROM shop.orders AS o, unnest(string_split(o.promo_codes, ',')) AS t(piece)
    WHERE trim(piece) <> ''
)
SELECT c.order_id, p.promotion_id
FROM codes AS c JOIN shop.promotions AS p ON p.code = c.code;

INSERT INTO mart.unmatched_promo_codes
WITH codes AS (
    SELECT DISTINCT o.order_id, upper(piece) AS code
    FROM shop.orders AS o, unnest(string_split(o.promo_codes, ',')) AS t(piece)
    WHERE trim(piece) <> ''
)
SELECT c.order_id, c.code
FROM codes AS c
WHERE NOT EXISTS (SELECT 1 FROM shop.promotions AS p WHERE p.code = c.code);
