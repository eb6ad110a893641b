-- Hidden dataset: new customers, a converted customer and a customer whose paid orders were cancelled.
INSERT INTO shop.customers VALUES
    (13, 'Mira Santos', 'mira.santos@example.com', DATE '2024-03-10'),
    (14, 'Nils Ek',     'nils.ek@example.com',     DATE '2024-03-11'),
    (15, 'Omar Aziz',   'omar.aziz@example.com',   DATE '2024-03-12');

INSERT INTO shop.orders VALUES
    (516, 2,    TIMESTAMP '2024-03-12 09:00:00', 'paid',     61.00),  -- Ben finally pays
    (517, 14,   TIMESTAMP '2024-03-12 10:00:00', 'paid',     14.00),
    (518, 15,   TIMESTAMP '2024-03-12 11:00:00', 'cancelled', 9.00),
    (519, 15,   TIMESTAMP '2024-03-12 11:05:00', 'cancelled', 9.00),
    (520, NULL, TIMESTAMP '2024-03-13 08:00:00', 'pending',  25.00),
    (521, 99,   TIMESTAMP '2024-03-13 09:00:00', 'paid',     30.00);  -- customer not in the customer table

-- Ana's paid orders turn out to be fraud and are cancelled.
UPDATE shop.orders SET status = 'cancelled' WHERE customer_id = 1;
