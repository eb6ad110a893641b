-- Visible dataset: shop events of twelve users during one day.
CREATE SCHEMA web;

CREATE TABLE web.funnel_events (
    event_id    INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL,
    event_type  VARCHAR NOT NULL,   -- view, add_to_cart, checkout, purchase, search
    event_ts    TIMESTAMP NOT NULL
);

INSERT INTO web.funnel_events VALUES
    -- u1: the textbook path
    (1,  1, 'view',        TIMESTAMP '2024-07-01 09:00:00'),
    (2,  1, 'add_to_cart', TIMESTAMP '2024-07-01 09:02:00'),
    (3,  1, 'checkout',    TIMESTAMP '2024-07-01 09:05:00'),
    (4,  1, 'purchase',    TIMESTAMP '2024-07-01 09:06:00'),
    -- u2: repeats steps, stops at checkout
    (5,  2, 'view',        TIMESTAMP '2024-07-01 09:10:00'),
    (6,  2, 'view',        TIMESTAMP '2024-07-01 09:11:00'),
    (7,  2, 'add_to_cart', TIMESTAMP '2024-07-01 09:12:00'),
    (8,  2, 'add_to_cart', TIMESTAMP '2024-07-01 09:13:00'),
    (9,  2, 'checkout',    TIMESTAMP '2024-07-01 09:15:00'),
    -- u3: only looks
    (10, 3, 'search',      TIMESTAMP '2024-07-01 09:20:00'),
    (11, 3, 'view',        TIMESTAMP '2024-07-01 09:21:00'),
    -- u4: cart restored from an old session before the first view, nothing after
    (12, 4, 'add_to_cart', TIMESTAMP '2024-07-01 09:30:00'),
    (13, 4, 'view',        TIMESTAMP '2024-07-01 09:31:00'),
    -- u5: purchase through the one-click button, never checked out
    (14, 5, 'view',        TIMESTAMP '2024-07-01 09:40:00'),
    (15, 5, 'add_to_cart', TIMESTAMP '2024-07-01 09:41:00'),
    (16, 5, 'purchase',    TIMESTAMP '2024-07-01 09:42:00'),
    -- u6: buys twice
    (17, 6, 'view',        TIMESTAMP '2024-07-01 10:00:00'),
    (18, 6, 'add_to_cart', TIMESTAMP '2024-07-01 10:01:00'),
    (19, 6, 'checkout',    TIMESTAMP '2024-07-01 10:03:00'),
    (20, 6, 'purchase',    TIMESTAMP '2024-07-01 10:04:00'),
    (21, 6, 'purchase',    TIMESTAMP '2024-07-01 10:30:00'),
    -- u7: checkout page opened before anything else
    (22, 7, 'checkout',    TIMESTAMP '2024-07-01 10:10:00'),
    (23, 7, 'view',        TIMESTAMP '2024-07-01 10:11:00'),
    (24, 7, 'add_to_cart', TIMESTAMP '2024-07-01 10:12:00'),
    -- u8: searches but never views a product
    (25, 8, 'search',      TIMESTAMP '2024-07-01 10:20:00'),
    (26, 8, 'search',      TIMESTAMP '2024-07-01 10:21:00'),
    -- u9: view and cart in the same second, checkout in the same second as the cart
    (27, 9, 'view',        TIMESTAMP '2024-07-01 11:00:00'),
    (28, 9, 'add_to_cart', TIMESTAMP '2024-07-01 11:00:00'),
    (29, 9, 'checkout',    TIMESTAMP '2024-07-01 11:00:00'),
    (30, 9, 'purchase',    TIMESTAMP '2024-07-01 11:03:00'),
    -- u10: goes back to browsing, then checks out
    (31, 10, 'view',        TIMESTAMP '2024-07-01 11:10:00'),
    (32, 10, 'add_to_cart', TIMESTAMP '2024-07-01 11:11:00'),
    (33, 10, 'view',        TIMESTAMP '2024-07-01 11:12:00'),
    (34, 10, 'checkout',    TIMESTAMP '2024-07-01 11:14:00'),
    -- u11
    (35, 11, 'view',        TIMESTAMP '2024-07-01 12:00:00'),
    (36, 11, 'add_to_cart', TIMESTAMP '2024-07-01 12:05:00'),
    (37, 11, 'checkout',    TIMESTAMP '2024-07-01 12:07:00'),
    (38, 11, 'purchase',    TIMESTAMP '2024-07-01 12:09:00'),
    -- u12
    (39, 12, 'view',        TIMESTAMP '2024-07-01 12:30:00'),
    (40, 12, 'add_to_cart', TIMESTAMP '2024-07-01 12:31:00');
