-- Correct too: QUALIFY keeps the first row per key without a second CTE.
WITH latest AS (
    SELECT customer_id, op, email, city, tier
    FROM crm.customer_changes
    QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY changed_at DESC, seq DESC) = 1
)
SELECT customer_id, email, city, tier FROM latest WHERE op IN ('I', 'U');
