-- Correct too: arg_max over a struct of the whole row, keyed by (changed_at, seq).
WITH latest AS (
    SELECT customer_id,
           arg_max({'op': op, 'email': email, 'city': city, 'tier': tier}, (changed_at, seq)) AS r
    FROM crm.customer_changes
    GROUP BY customer_id
)
SELECT customer_id, r.email, r.city, r.tier
FROM latest
WHERE r.op != 'D';
