-- Hidden dataset: the report two weeks later, with the first two weeks of May, new users, a new
-- intern, an app release that logs is_test as NULL again, and a deleted account.
UPDATE ops.report_window SET first_week = DATE '2024-03-04', last_week = DATE '2024-05-06';

INSERT INTO app.users VALUES
    (45, 'intern.lee@LUMEN.io',       false, TIMESTAMP '2024-04-15 09:00:00'),  -- internal by domain only
    (46, 'contractor@partner.example', true,  TIMESTAMP '2024-04-15 09:00:00'),  -- staff flag, external domain
    (47, 'lumen.io.fan@mail.example',  false, TIMESTAMP '2024-04-20 09:00:00'),  -- a customer
    (48, 'hana@lumen.io.example',      false, TIMESTAMP '2024-04-20 09:00:00'),  -- a customer: the domain is not lumen.io
    (49, 'back.again@post.example',    false, TIMESTAMP '2024-01-10 09:00:00'),
    (50, 'just.missed@post.example',   false, TIMESTAMP '2024-01-10 09:00:00');

-- Customers 1-16 and the new accounts use the app in late April and May. The release of
-- 2024-04-29 forgot to set is_test: those rows are NULL, which still means production.
INSERT INTO app.events
SELECT 800000 + row_number() OVER (ORDER BY u, d), u,
       ['page_view', 'search', 'purchase'][1 + (u + d) % 3],
       TIMESTAMP '2024-04-25 00:00:00' + d * INTERVAL 1 DAY + ((u * 53 + d * 7) % 1440) * INTERVAL 1 MINUTE,
       CASE WHEN d >= 4 THEN NULL ELSE false END
FROM (SELECT * FROM range(1, 17) UNION ALL SELECT * FROM (VALUES (45), (46), (47), (48))) AS a(u),
     range(0, 18) AS b(d)
WHERE (u + d) % 3 = 0;

-- More passive events, and test purchases on customer accounts.
INSERT INTO app.events
SELECT 900000 + row_number() OVER (ORDER BY u, d), u, 'push_received',
       TIMESTAMP '2024-04-29 07:30:00' + d * INTERVAL 1 DAY, NULL
FROM range(17, 37) AS a(u), range(0, 14) AS b(d);
INSERT INTO app.events VALUES
    (950001, 25, 'purchase', TIMESTAMP '2024-05-07 11:00:00', true),
    (950002, 26, 'purchase', TIMESTAMP '2024-05-08 11:00:00', true);

-- The week of 2024-05-06 covers 2024-04-15 00:00 to 2024-05-12 23:59:59.
INSERT INTO app.events VALUES
    (960001, 49, 'page_view', TIMESTAMP '2024-04-15 00:00:00', false),
    (960002, 50, 'page_view', TIMESTAMP '2024-04-14 23:59:59', false),
    (960003, 43, 'search',    TIMESTAMP '2024-05-12 23:59:59', false);

-- Customer 9 asked to be deleted: the account is gone, its events stay (pseudonymous) in the log.
DELETE FROM app.users WHERE user_id = 9;
