-- Hidden dataset: more customers with edge cases, one corrected email, and a customer who left.
INSERT INTO crm.customers VALUES
    (119, 'Oh Sumin',     'x@y',                         '+82 10 7777 8888',  'KR', DATE '2024-01-04'),
    (120, 'Omar Aziz',    'omar@@example.com',           '(+44) 7700 900123', 'GB', DATE '2024-01-09'),
    (121, 'Nils Ek',      NULL,                          NULL,                'SE', DATE '2024-01-15'),
    (122, 'Mira Santos',  ' Mira.Santos@Example.BR',     'call me',           'BR', DATE '2024-01-22'),
    (123, 'Yoon Taeho',   'taeho.yoon@example.kr',       '10-23',             'KR', DATE '2024-02-01'),
    (124, 'Sara Lopes',   'sara lopes@example.pt',       '0 0 0 1',           'PT', DATE '2024-02-06'),
    (125, 'Tom Hall',     'tom.hall',                    '+1-415-555-0199',   'US', DATE '2024-02-13');

-- The customer fixed the typo in their address.
UPDATE crm.customers SET email = 'dev.patel@Example.IN' WHERE customer_id = 106;

-- An erased customer is gone from the CRM.
DELETE FROM crm.customers WHERE customer_id = 112;
