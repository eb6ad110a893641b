-- Wrong: trusts the log order alone, so a late-arriving old change overwrites a newer one.
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY seq DESC) AS rn
    FROM crm.customer_changes
)
SELECT customer_id, email, city, tier FROM ranked WHERE rn = 1 AND op <> 'D';
