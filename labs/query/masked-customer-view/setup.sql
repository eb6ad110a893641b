-- Visible dataset: the CRM's customer table, with the raw contact details the privacy team
-- does not want analysts to see.
CREATE SCHEMA crm;

CREATE TABLE crm.customers (
    customer_id  INTEGER PRIMARY KEY,
    full_name    VARCHAR NOT NULL,
    email        VARCHAR,            -- as typed at sign-up; not validated by the old web form
    phone        VARCHAR,            -- free text: spaces, dashes, brackets and + are common
    country      VARCHAR NOT NULL,
    signup_date  DATE NOT NULL
);

INSERT INTO crm.customers VALUES
    (101, 'Ana Silva',       'ana.silva@example.com',        '+351 912 345 678',   'PT', DATE '2023-09-02'),
    (102, 'Kim Minjun',      'minjun.kim@Mail.Example.KR',   '010-2345-6789',      'KR', DATE '2023-09-05'),
    (103, 'Ben Okafor',      'Ben.Okafor@EXAMPLE.COM',       '(020) 7946 0958',    'GB', DATE '2023-09-11'),
    (104, 'Lee Seoyeon',     NULL,                           '010 9876 5432',      'KR', DATE '2023-09-14'),
    (105, 'Chloe Martin',    'chloe.martin@example.fr',      NULL,                 'FR', DATE '2023-09-20'),
    (106, 'Dev Patel',       'dev.patel.example.com',        '+91 98765 43210',    'IN', DATE '2023-10-01'),
    (107, 'Park Jiho',       '  jiho.park@example.kr ',      '02-555-0147',        'KR', DATE '2023-10-03'),
    (108, 'Emma Novak',      'emma@novak@example.cz',        '+420 601 234 567 ',  'CZ', DATE '2023-10-09'),
    (109, 'Farid Haddad',    '@example.com',                 '12',                 'FR', DATE '2023-10-17'),
    (110, 'Greta Lind',      'greta.lind@',                  '+46 70 123 45 67',   'SE', DATE '2023-10-21'),
    (111, 'Choi Yuna',       '',                             '',                   'KR', DATE '2023-11-02'),
    (112, 'Hugo Brandt',     'h@example.de',                 '0151-2345 678 9',    'DE', DATE '2023-11-08'),
    (113, 'Ines Costa',      'ines.costa@Example.PT',        'n/a',                'PT', DATE '2023-11-15'),
    (114, 'Jung Hana',       '하나@예시.한국',                  '+82 (0)10 1111 2222', 'KR', DATE '2023-11-19'),
    (115, 'Jonas Berg',      'jonas.berg@example.no',        '1234',               'NO', DATE '2023-12-01'),
    (116, 'Kenji Mori',      'KENJI.MORI@EXAMPLE.JP',        '+81 90-1234-5678 ext 12', 'JP', DATE '2023-12-06'),
    (117, 'Lea Roux',        'lea.roux@example.fr',          '   ',                'FR', DATE '2023-12-12'),
    (118, 'Han Dohyun',      'dohyun.han@example.kr',        '010.4444.5555',      'KR', DATE '2023-12-19');
