-- Hidden dataset: a tie at the top of garden, a broken tie in electronics,
-- the salad spinner sells at last, and a new category with only a free item.
INSERT INTO shop.products VALUES
    (16, 'Compost Bin',   'garden'),
    (17, 'Resistance Band', 'sports');

INSERT INTO shop.order_items VALUES
    (20, 1, 12, 1,  35.00),
    (21, 1, 16, 2, 105.00),
    (22, 1, 6,  1,  80.00),
    (23, 1, 17, 1,   0.00);
