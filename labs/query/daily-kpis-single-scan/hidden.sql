-- Hidden dataset: account 7 joins the staff, refunds of one day are voided, a day with
-- searches only, a day with staff activity only, a customer who orders three times in one day,
-- and more events of anonymous visitors and of a deleted account.
UPDATE shop.accounts SET is_staff = true WHERE account_id = 7;

DELETE FROM shop.events
WHERE event_type = 'refund' AND CAST(event_ts AS DATE) = DATE '2024-05-09';

INSERT INTO shop.events VALUES
    -- 2024-05-20: the tracking of page views broke; only searches arrived
    (20001, NULL, TIMESTAMP '2024-05-20 08:00:00', 'search', NULL),
    (20002, 12,   TIMESTAMP '2024-05-20 09:30:00', 'search', NULL),
    -- 2024-05-21: only staff tested the shop
    (20003, 25,   TIMESTAMP '2024-05-21 10:00:00', 'page_view', NULL),
    (20004, 50,   TIMESTAMP '2024-05-21 10:05:00', 'purchase', 19.99),
    (20005, 7,    TIMESTAMP '2024-05-21 10:07:00', 'refund', 19.99),
    -- account 33 orders three times on 2024-05-12, once with an amount of 0.00 (a voucher)
    (20006, 33,   TIMESTAMP '2024-05-12 11:00:00', 'purchase', 42.00),
    (20007, 33,   TIMESTAMP '2024-05-12 11:20:00', 'purchase', 42.00),
    (20008, 33,   TIMESTAMP '2024-05-12 23:59:59', 'purchase', 0.00),
    -- deleted account 999 and anonymous visitors
    (20009, 999,  TIMESTAMP '2024-05-13 00:00:00', 'purchase', 15.50),
    (20010, 999,  TIMESTAMP '2024-05-13 00:01:00', 'refund', 15.50),
    (20011, NULL, TIMESTAMP '2024-05-13 00:02:00', 'add_to_cart', NULL),
    (20012, NULL, TIMESTAMP '2024-05-14 17:45:00', 'page_view', NULL);
