-- Also correct: arg_max over a (changed_at, change_seq) key, then drop deletes.
INSERT INTO crm.customers_current
WITH latest AS (
    SELECT customer_id,
           arg_max(c, (changed_at, change_seq)) AS r
    FROM crm.customer_changes AS c
    GROUP BY customer_id
)
SELECT customer_id, r.email, r.full_name, r.city, r.tier, r.changed_at
FROM latest
WHERE r.op <> 'D';
