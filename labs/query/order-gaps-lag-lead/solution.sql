WITH completed AS (
    SELECT order_id, customer_id, order_ts, CAST(order_ts AS DATE) AS order_date
    FROM shop.orders
    WHERE status = 'completed'
),
neighbours AS (
    SELECT *,
           lag(order_date)  OVER w AS prev_date,
           lead(order_date) OVER w AS next_date
    FROM completed
    WINDOW w AS (PARTITION BY customer_id ORDER BY order_ts, order_id)
)
SELECT customer_id,
       order_id,
       order_date,
       date_diff('day', prev_date, order_date) AS days_since_previous,
       date_diff('day', order_date, next_date) AS days_until_next
FROM neighbours;
