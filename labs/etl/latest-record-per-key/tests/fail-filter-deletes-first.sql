-- Wrong: drops the delete rows BEFORE picking the newest row, so a deleted customer
-- comes back with its last image before the delete.
INSERT INTO crm.customers_current
SELECT customer_id, email, full_name, city, tier, changed_at
FROM crm.customer_changes
WHERE op <> 'D'
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY changed_at DESC, change_seq DESC) = 1;
