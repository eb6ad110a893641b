-- Hidden dataset: out-of-order paths that become valid later, duplicated purchases,
-- and a refund of u1's purchase event (removed).
INSERT INTO web.funnel_events VALUES
    -- u13: cart before view, then a second cart after the view, checkout, purchase
    (41, 13, 'add_to_cart', TIMESTAMP '2024-07-01 13:00:00'),
    (42, 13, 'view',        TIMESTAMP '2024-07-01 13:01:00'),
    (43, 13, 'add_to_cart', TIMESTAMP '2024-07-01 13:02:00'),
    (44, 13, 'checkout',    TIMESTAMP '2024-07-01 13:03:00'),
    (45, 13, 'purchase',    TIMESTAMP '2024-07-01 13:04:00'),
    (46, 13, 'purchase',    TIMESTAMP '2024-07-01 13:04:00'),
    -- u14: purchase logged before checkout (clock skew): stops at checkout
    (47, 14, 'view',        TIMESTAMP '2024-07-01 13:10:00'),
    (48, 14, 'add_to_cart', TIMESTAMP '2024-07-01 13:11:00'),
    (49, 14, 'purchase',    TIMESTAMP '2024-07-01 13:12:00'),
    (50, 14, 'checkout',    TIMESTAMP '2024-07-01 13:13:00'),
    -- u15: everything in one second
    (51, 15, 'view',        TIMESTAMP '2024-07-01 14:00:00'),
    (52, 15, 'purchase',    TIMESTAMP '2024-07-01 14:00:00'),
    (53, 15, 'checkout',    TIMESTAMP '2024-07-01 14:00:00'),
    (54, 15, 'add_to_cart', TIMESTAMP '2024-07-01 14:00:00'),
    -- u16: u4-like cart before view, but a later checkout is still not a cart
    (55, 16, 'add_to_cart', TIMESTAMP '2024-07-01 14:10:00'),
    (56, 16, 'view',        TIMESTAMP '2024-07-01 14:11:00'),
    (57, 16, 'checkout',    TIMESTAMP '2024-07-01 14:12:00'),
    (58, 16, 'purchase',    TIMESTAMP '2024-07-01 14:13:00'),
    -- u17: only views
    (59, 17, 'view',        TIMESTAMP '2024-07-01 14:20:00'),
    (60, 17, 'view',        TIMESTAMP '2024-07-01 14:25:00'),
    -- u18: views after a search
    (61, 18, 'search',      TIMESTAMP '2024-07-01 15:00:00'),
    (62, 18, 'view',        TIMESTAMP '2024-07-01 15:01:00');

DELETE FROM web.funnel_events WHERE event_id = 4;
