-- Visible dataset: customers and their orders. Guest checkouts have no customer_id.
CREATE SCHEMA shop;

CREATE TABLE shop.customers (
    customer_id  INTEGER PRIMARY KEY,
    full_name    VARCHAR NOT NULL,
    email        VARCHAR NOT NULL,
    signup_date  DATE NOT NULL
);

CREATE TABLE shop.orders (
    order_id     INTEGER PRIMARY KEY,
    customer_id  INTEGER,            -- NULL for guest checkouts
    order_ts     TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL,   -- paid, pending, cancelled
    amount       DECIMAL(10, 2) NOT NULL
);

INSERT INTO shop.customers VALUES
    (1,  'Ana Silva',    'ana.silva@example.com',    DATE '2023-11-02'),
    (2,  'Ben Okafor',   'ben.okafor@example.com',   DATE '2023-11-15'),
    (3,  'Chloe Martin', 'chloe.martin@example.com', DATE '2023-12-01'),
    (4,  'Dev Patel',    'dev.patel@example.com',    DATE '2023-12-03'),
    (5,  'Emma Novak',   'emma.novak@example.com',   DATE '2024-01-08'),
    (6,  'Farid Haddad', 'farid.haddad@example.com', DATE '2024-01-09'),
    (7,  'Greta Lind',   'greta.lind@example.com',   DATE '2024-01-20'),
    (8,  'Hugo Brandt',  'hugo.brandt@example.com',  DATE '2024-02-02'),
    (9,  'Ines Costa',   'ines.costa@example.com',   DATE '2024-02-11'),
    (10, 'Jonas Berg',   'jonas.berg@example.com',   DATE '2024-02-14'),
    (11, 'Kenji Mori',   'kenji.mori@example.com',   DATE '2024-03-01'),
    (12, 'Lea Roux',     'lea.roux@example.com',     DATE '2024-03-05');

INSERT INTO shop.orders VALUES
    (501, 1,    TIMESTAMP '2023-11-03 10:00:00', 'paid',       42.00),
    (502, 1,    TIMESTAMP '2024-01-12 18:30:00', 'paid',       18.50),
    (503, 2,    TIMESTAMP '2023-11-20 09:10:00', 'cancelled',  99.00),
    (504, 4,    TIMESTAMP '2023-12-04 12:00:00', 'paid',       65.00),
    (505, NULL, TIMESTAMP '2023-12-10 15:45:00', 'paid',       23.90),
    (506, 5,    TIMESTAMP '2024-01-08 20:00:00', 'pending',    31.00),
    (507, 6,    TIMESTAMP '2024-01-10 08:20:00', 'cancelled',  54.00),
    (508, 6,    TIMESTAMP '2024-01-11 08:25:00', 'paid',       54.00),
    (509, 8,    TIMESTAMP '2024-02-03 11:00:00', 'paid',      120.00),
    (510, 9,    TIMESTAMP '2024-02-12 13:30:00', 'cancelled',  15.00),
    (511, 9,    TIMESTAMP '2024-02-13 13:35:00', 'pending',    15.00),
    (512, 10,   TIMESTAMP '2024-02-15 17:00:00', 'paid',       77.70),
    (513, NULL, TIMESTAMP '2024-02-20 19:05:00', 'paid',       12.00),
    (514, 12,   TIMESTAMP '2024-03-05 09:00:00', 'paid',       38.00),
    (515, 10,   TIMESTAMP '2024-03-06 10:00:00', 'cancelled',  20.00);
