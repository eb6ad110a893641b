-- Hidden dataset: a channel with no discount at all, more NULLs, changed discounts.
INSERT INTO shop.orders VALUES
    (15, 213, 'marketplace',  70.00, NULL,  NULL),
    (16, 214, 'marketplace',  35.50, NULL,  NULL),
    (17, 215, 'marketplace',  12.00, NULL,  'WELCOME10'),  -- code typed but rejected
    (18, 216, NULL,          300.00, 30.10, 'SPRING20'),
    (19, 217, 'app',          20.00, NULL,  NULL);

UPDATE shop.orders SET discount_amount = NULL WHERE order_id = 4;
UPDATE shop.orders SET discount_amount = 2.25, coupon_code = 'LOYAL' WHERE order_id = 9;
