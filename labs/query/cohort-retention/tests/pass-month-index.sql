-- Correct too: months as a single integer index (year * 12 + month) and a cross join with a month list.
WITH c AS (
    SELECT customer_id, year(order_ts) * 12 + month(order_ts) - 1 AS m
    FROM shop.orders WHERE status = 'completed'
),
f AS (SELECT customer_id, min(m) AS cm FROM c GROUP BY 1),
sizes AS (SELECT cm, count(*) AS n FROM f GROUP BY 1),
months AS (SELECT DISTINCT x AS m FROM range((SELECT min(m) FROM c), (SELECT max(m) FROM c) + 1) t(x)),
cells AS (
    SELECT s.cm, mo.m - s.cm AS k, s.n,
           (SELECT count(DISTINCT c.customer_id) FROM c JOIN f USING (customer_id)
            WHERE f.cm = s.cm AND c.m = mo.m) AS active
    FROM sizes s JOIN months mo ON mo.m >= s.cm
)
SELECT make_date(CAST(cm // 12 AS INTEGER), CAST(cm % 12 + 1 AS INTEGER), 1), k, n, active, round(active * 100.0 / n, 1)
FROM cells
ORDER BY cm, k;
