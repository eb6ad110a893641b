-- Wrong: inserts without clearing the tables first. The rows of the older run stay (a deleted
-- order, promotions removed from edited orders), and the second run of the job adds everything again.

INSERT INTO mart.order_promotions
WITH codes AS (
    SELECT DISTINCT o.order_id, upper(trim(piece)) AS code
    FROM shop.orders AS o, unnest(string_split(o.promo_codes, ',')) AS t(piece)
    WHERE trim(piece) <> ''
)
SELECT c.order_id, p.promotion_id
FROM codes AS c JOIN shop.promotions AS p ON p.code = c.code;

INSERT INTO mart.unmatched_promo_codes
WITH codes AS (
    SELECT DISTINCT o.order_id, upper(trim(piece)) AS code
    FROM shop.orders AS o, unnest(string_split(o.promo_codes, ',')) AS t(piece)
    WHERE trim(piece) <> ''
)
SELECT c.order_id, c.code
FROM codes AS c
WHERE NOT EXISTS (SELECT 1 FROM shop.promotions AS p WHERE p.code = c.code);
