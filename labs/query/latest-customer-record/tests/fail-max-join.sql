-- Wrong: joining back on the maximum changed_at returns every row that shares that
-- timestamp (same-time updates, redelivered rows), and it forgets deletes.
WITH last_change AS (
    SELECT customer_id, max(changed_at) AS changed_at
    FROM crm.customer_changes
    GROUP BY customer_id
)
SELECT c.customer_id, c.email, c.city, c.tier
FROM crm.customer_changes c
JOIN last_change l USING (customer_id, changed_at);
