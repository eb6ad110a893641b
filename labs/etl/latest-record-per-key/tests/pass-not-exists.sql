-- Also correct: keep a change when no newer change of the same customer exists.
INSERT INTO crm.customers_current (customer_id, email, full_name, city, tier, updated_at)
SELECT c.customer_id, c.email, c.full_name, c.city, c.tier, c.changed_at
FROM crm.customer_changes AS c
WHERE c.op IN ('I', 'U')
  AND NOT EXISTS (
        SELECT 1
        FROM crm.customer_changes AS n
        WHERE n.customer_id = c.customer_id
          AND (n.changed_at > c.changed_at
               OR (n.changed_at = c.changed_at AND n.change_seq > c.change_seq))
  );
