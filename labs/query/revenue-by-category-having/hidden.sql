-- Hidden dataset: a category lands exactly on the threshold, another drops below it,
-- a new big category appears, two categories tie, and a cancelled order is large.
INSERT INTO shop.orders VALUES
    (13, 111, DATE '2024-04-12', 'paid'),
    (14, 112, DATE '2024-04-12', 'delivered'),
    (15, 113, DATE '2024-04-13', 'shipped'),
    (16, 114, DATE '2024-04-13', 'cancelled');

INSERT INTO shop.order_items VALUES
    (13, 1, 2,  5,  43.00),   -- books reach exactly 500.00
    (14, 1, 9, 30,  19.99),   -- toys jump over the threshold
    (14, 2, 9,  1,   0.00),   -- free gift line, same category, same order
    (15, 1, 5,  1,  41.70),   -- garden ties with electronics
    (16, 1, 4, 10, 199.00);   -- cancelled, must not count

-- one pan fewer: kitchen falls below 500
UPDATE shop.order_items SET quantity = 1 WHERE order_id = 9 AND product_id = 8;
