-- Judges the latest date found in the table, which is this morning's partial day: two orders
-- are not a distribution, and the check fires on healthy data.
WITH p AS (SELECT max(CAST(order_ts AS DATE)) AS check_day FROM shop.orders),
means AS (
    SELECT
        avg(o.amount_eur) FILTER (WHERE CAST(o.order_ts AS DATE) = p.check_day) AS mean_day,
        avg(o.amount_eur) FILTER (WHERE CAST(o.order_ts AS DATE) BETWEEN p.check_day - 7 AND p.check_day - 1) AS mean_baseline
    FROM shop.orders AS o CROSS JOIN p
)
SELECT * FROM means
WHERE mean_day > 1.3 * mean_baseline OR mean_day < 0.7 * mean_baseline;
