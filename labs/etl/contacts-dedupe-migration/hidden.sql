-- Hidden dataset: a trade-fair import arrived before the migration window, and one customer
-- retyped her address in another case.
INSERT INTO crm.contacts VALUES
    -- Farid: four records. The survivor (62) is neither the lowest nor the highest id and has no
    -- phone; two duplicates created in the same second both have one: the lower id's phone wins.
    (60, 'farid.haddad@example.com', 'Farid Haddad', '+212 600 000 060', TIMESTAMP '2023-09-01 10:00:00', 'event'),
    (61, 'Farid.Haddad@example.com', 'Farid H.',     '+212 600 000 061', TIMESTAMP '2023-09-01 10:00:00', 'event'),
    (62, ' farid.haddad@EXAMPLE.com','Farid Haddad', NULL,               TIMESTAMP '2019-05-05 05:05:05', 'legacy'),
    (63, 'FARID.HADDAD@EXAMPLE.COM ','Farid Haddad', NULL,               TIMESTAMP '2024-01-01 00:00:00', 'import');

-- Customer 111 retyped the address of customer 110's account (the same person): 110 is older.
UPDATE crm.contacts SET email = '  USER110@example.org' WHERE contact_id = 111;

INSERT INTO crm.deals VALUES
    (9008, 61, 5000.00, 'open'),
    (9009, 63,  250.00, 'won'),
    (9010, 111, 640.00, 'open');
DELETE FROM crm.deals WHERE deal_id = 9004;

INSERT INTO crm.subscriptions VALUES
    (60,  'events',     TIMESTAMP '2023-09-01 10:05:00'),
    (63,  'events',     TIMESTAMP '2023-08-31 09:00:00'),
    (61,  'newsletter', TIMESTAMP '2023-09-01 10:06:00'),
    (111, 'events',     TIMESTAMP '2023-07-01 12:00:00');
