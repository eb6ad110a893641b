-- Hidden clean variant: a third daily batch, with a large order, repeated SKUs on several lines,
-- and an order whose lines were loaded in two batches (lines 3 and 4 arrived the next day).
INSERT INTO shop.orders VALUES
    (5009, 71, TIMESTAMP '2024-03-16 09:30:00', 'paid',     233.40, 'b-20240316'),
    (5010, 11, TIMESTAMP '2024-03-16 12:02:00', 'pending',   25.80, 'b-20240316'),
    (5011, 84, TIMESTAMP '2024-03-16 17:45:00', 'paid',      31.98, 'b-20240316'),
    (5012, 27, TIMESTAMP '2024-03-16 22:10:00', 'cancelled', 13.00, 'b-20240316');
INSERT INTO shop.order_items VALUES
    (5009, 1, 'CHAIR-CUSH',  4, 29.50, 'b-20240316'),
    (5009, 2, 'LAMP-DESK',   2, 42.00, 'b-20240316'),
    (5009, 3, 'MUG-BLUE',    1, 12.90, 'b-20240316'),
    (5009, 4, 'MUG-BLUE',    1, 12.90, 'b-20240316'),
    (5009, 5, 'MUG-BLUE',    1, 12.90, 'b-20240316'),
    (5009, 6, 'TEA-GREEN',   1, 11.90, 'b-20240316'),
    (5010, 1, 'MUG-BLUE',    1, 12.90, 'b-20240316'),
    (5010, 2, 'MUG-BLUE',    1, 12.90, 'b-20240316'),
    (5011, 1, 'CANDLE-FIG',  2, 15.99, 'b-20240316'),
    (5012, 1, 'TEA-EARLGREY',1, 13.00, 'b-20240316'),
    (5007, 3, 'PEN-SET',     1, 12.00, 'b-20240316'),
    (5007, 4, 'CANDLE-FIG',  1, 15.99, 'b-20240316');
