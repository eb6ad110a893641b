-- Hidden clean variant: another day of orders, more gift cards, an order paid in two parts,
-- and orders without lines yet (the basket is written after the order header).
INSERT INTO shop.orders VALUES
    (7009, 21, TIMESTAMP '2024-03-16 09:05:00', 'paid'),
    (7010, 83, TIMESTAMP '2024-03-16 12:31:00', 'paid'),
    (7011, 90, TIMESTAMP '2024-03-16 23:58:00', 'pending'),
    (7012, 47, TIMESTAMP '2024-03-16 23:59:00', 'pending');
INSERT INTO shop.order_items VALUES
    (7009, 1, 'CHAIR-CUSH',   1, 29.50),
    (7010, 1, 'LAMP-DESK',    2, 42.00),
    (7010, 2, 'MUG-BLUE',     2, 12.90);
INSERT INTO shop.payments VALUES
    (91006, 7009, 'order',     29.50, TIMESTAMP '2024-03-16 09:06:00'),
    (91007, NULL, 'gift_card', 25.00, TIMESTAMP '2024-03-16 10:00:00'),
    (91008, 7010, 'order',     60.00, TIMESTAMP '2024-03-16 12:32:00'),
    (91009, 7010, 'order',     49.80, TIMESTAMP '2024-03-16 12:33:00'),
    (91010, NULL, 'gift_card', 100.00, TIMESTAMP '2024-03-16 18:45:00');
