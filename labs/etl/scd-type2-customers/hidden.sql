-- Hidden dataset: more history in the dimension and a batch with more edge cases.
INSERT INTO dw.dim_customer VALUES
    (9,  210, 'hal@example.com', NULL, 'basic', DATE '2023-08-01', NULL, true);   -- city unknown, stays unknown

-- 202 now really moves: every new surrogate key shifts by one
UPDATE staging.customer_updates SET city = 'York' WHERE customer_id = 202;
-- 206 removes the e-mail address: a change to NULL is a change
UPDATE staging.customer_updates SET email = NULL WHERE customer_id = 206;

INSERT INTO staging.customer_updates VALUES
    -- 201: a no-op row BEFORE the real change; the old version closes on the day of the real change
    (201, 'ana@example.com',   'Porto',   'basic',  DATE '2024-03-01'),
    -- 204: downgraded, then upgraded back: two new versions
    (204, 'dev@example.com',   'Pune',    'silver', DATE '2024-03-02'),
    (204, 'dev@example.com',   'Pune',    'gold',   DATE '2024-03-09'),
    -- 208: a new customer who changes again within the batch
    (208, 'hana@example.com',  'Osaka',   'basic',  DATE '2024-03-01'),
    (208, 'hana@example.com',  'Osaka',   'gold',   DATE '2024-03-07'),
    -- 209: a new customer whose second row repeats the first one
    (209, 'ivan@example.com',  'Sofia',   'basic',  DATE '2024-03-02'),
    (209, 'ivan@example.com',  'Sofia',   'basic',  DATE '2024-03-10'),
    -- 210: a no-op where the unchanged city is NULL on both sides
    (210, 'hal@example.com',   NULL,      'basic',  DATE '2024-03-05');
