-- Hidden dataset: the snapshot of the next day, with other changes.
UPDATE staging.customer_snapshot SET snapshot_date = DATE '2024-06-04';

UPDATE staging.customer_snapshot SET email = 'Customer7@example.com'       WHERE customer_id = 7;    -- only the case changed: still a change
UPDATE staging.customer_snapshot SET phone = '+44 7700 900012'             WHERE customer_id = 12;   -- NULL -> a phone
UPDATE staging.customer_snapshot SET city = NULL                           WHERE customer_id = 22;   -- a city -> NULL
UPDATE staging.customer_snapshot SET phone = '+44 7700 900999', city = 'York' WHERE customer_id = 8; -- a new phone, the city as it was
UPDATE staging.customer_snapshot SET phone = NULL, city = NULL, tier = 'standard' WHERE customer_id = 16;  -- only the city really changes
DELETE FROM staging.customer_snapshot WHERE customer_id = 5;                                        -- erased from the shop today

INSERT INTO staging.customer_snapshot VALUES
    (DATE '2024-06-04', 30, 'customer30@example.com', NULL, 'Leeds', 'gold'),  -- back in the export, phone removed
    (DATE '2024-06-04', 33, 'newbie33@example.com',   NULL, NULL,    'silver');
