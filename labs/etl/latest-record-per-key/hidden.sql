-- Hidden dataset: more changes after the visible ones, with deletes, re-inserts and ties.
INSERT INTO crm.customer_changes VALUES
    -- 104 was deleted and comes back as a new sign-up: the newest row is an insert
    (17, 104, 'I', TIMESTAMP '2024-04-11 09:00:00', 'dev.p@example.com',  'Dev Patel',      'Mumbai',   'basic'),
    -- 106: an update and a delete in the same second; the delete has the higher change_seq, so 106 is gone
    (18, 106, 'U', TIMESTAMP '2024-04-11 12:00:00', 'femi@example.com',   'Femi Adeyemi',   'Abuja',    'gold'),
    (19, 106, 'D', TIMESTAMP '2024-04-11 12:00:00', 'femi@example.com',   'Femi Adeyemi',   'Abuja',    'gold'),
    -- 107: only a delete is in the log (its insert is older than the log's retention)
    (20, 107, 'D', TIMESTAMP '2024-04-11 13:00:00', 'gus@example.com',    'Gus Brandt',     'Bremen',   'basic'),
    -- 108: three rows in one second, read in a shuffled order; the highest change_seq wins
    (21, 108, 'I', TIMESTAMP '2024-04-12 08:00:00', 'hana@example.com',   'Hana Sato',      'Osaka',    'basic'),
    (23, 108, 'U', TIMESTAMP '2024-04-12 08:00:00', 'hana@example.com',   'Hana Sato',      'Kyoto',    'gold'),
    (22, 108, 'U', TIMESTAMP '2024-04-12 08:00:00', 'hana@example.com',   'Hana Sato',      'Kobe',     'silver'),
    -- 102: a stale change from the second replica, higher change_seq but older than seq 16
    (24, 102, 'U', TIMESTAMP '2024-04-09 23:59:59', 'ben@example.com',    'Ben Carter',     'Leeds',    'basic'),
    -- 105: a new change that clears the e-mail
    (25, 105, 'U', TIMESTAMP '2024-04-12 10:00:00', NULL,                 'Eva Novak',      'Prague',   'silver'),
    -- 109: a delete that is OLDER than its insert (delete of a previous account, then a new one)
    (26, 109, 'D', TIMESTAMP '2024-04-01 00:00:00', 'ivan@example.com',   'Ivan Petrov',    'Sofia',    'basic'),
    (27, 109, 'I', TIMESTAMP '2024-04-12 11:00:00', 'ivan@example.com',   'Ivan Petrov',    'Varna',    'basic');

-- a visible row changes, so a typed-in copy of the visible answer fails
UPDATE crm.customer_changes SET city = 'Faro' WHERE change_seq = 10;
