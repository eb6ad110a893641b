-- The payment provider's webhook was pointed at production by the staging shop: payments for
-- orders that only exist in staging arrived in shop.payments.
INSERT INTO shop.payments VALUES
    (91901, 990017, 'order', 19.90, TIMESTAMP '2024-03-15 16:02:00'),
    (91902, 990018, 'order', 42.00, TIMESTAMP '2024-03-15 16:09:00');
