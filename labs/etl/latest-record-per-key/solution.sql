-- Reference: the newest image per customer (changed_at, then change_seq), minus customers whose newest change is a delete.
INSERT INTO crm.customers_current
SELECT customer_id, email, full_name, city, tier, changed_at AS updated_at
FROM (
    SELECT *
    FROM crm.customer_changes
    QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY changed_at DESC, change_seq DESC) = 1
) AS latest
WHERE op <> 'D';
