WITH ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY customer_id
               ORDER BY changed_at DESC, seq DESC
           ) AS rn
    FROM crm.customer_changes
),
latest AS (
    SELECT * FROM ranked WHERE rn = 1
)
SELECT customer_id, email, city, tier
FROM latest
WHERE op <> 'D';
