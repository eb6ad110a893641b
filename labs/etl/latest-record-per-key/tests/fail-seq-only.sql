-- Wrong: trusts change_seq alone. A change read late from the second replica has a higher
-- change_seq than a newer change and wins by mistake.
INSERT INTO crm.customers_current
SELECT customer_id, email, full_name, city, tier, changed_at
FROM crm.customer_changes
WHERE op <> 'D'
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY change_seq DESC) = 1;
