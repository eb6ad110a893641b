-- Wrong: joins back on the newest changed_at per customer. Two changes in the same second
-- both match, so the customer appears twice.
INSERT INTO crm.customers_current
SELECT c.customer_id, c.email, c.full_name, c.city, c.tier, c.changed_at
FROM crm.customer_changes AS c
JOIN (
    SELECT customer_id, max(changed_at) AS max_changed_at
    FROM crm.customer_changes
    GROUP BY customer_id
) AS m
  ON m.customer_id = c.customer_id
 AND m.max_changed_at = c.changed_at
WHERE c.op <> 'D';
