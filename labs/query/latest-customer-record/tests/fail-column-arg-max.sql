-- Wrong: picking each column separately with arg_max skips NULL values,
-- so a city that was cleared comes back from an older version.
WITH latest AS (
    SELECT customer_id,
           arg_max(op,    (changed_at, seq)) AS op,
           arg_max(email, (changed_at, seq)) AS email,
           arg_max(city,  (changed_at, seq)) AS city,
           arg_max(tier,  (changed_at, seq)) AS tier
    FROM crm.customer_changes
    GROUP BY customer_id
)
SELECT customer_id, email, city, tier FROM latest WHERE op <> 'D';
