-- Hidden dataset: a legal hold stops user 3's erasure, more requests arrive (a user with no
-- activity at all, an already erased user asking again, another unknown id), and user 2 had a
-- busy day of page views.
UPDATE privacy.erasure_requests SET status = 'rejected' WHERE user_id = 3;

INSERT INTO privacy.erasure_requests VALUES
    (7,  2, TIMESTAMP '2024-06-09 14:02:00', 'pending', NULL),
    (8,  4, TIMESTAMP '2024-06-09 15:30:00', 'pending', NULL),   -- no page views, but orders
    (9, 13, TIMESTAMP '2024-06-09 16:45:00', 'pending', NULL),   -- erased in May already: unknown now
    (10, 77, TIMESTAMP '2024-06-09 18:20:00', 'pending', NULL);

INSERT INTO app.users VALUES
    (14, 'user14@example.com', 'User 14', 'KR', TIMESTAMP '2024-06-08 12:00:00');
INSERT INTO privacy.erasure_requests VALUES
    (11, 14, TIMESTAMP '2024-06-09 19:00:00', 'pending', NULL);  -- signed up, never did anything

INSERT INTO app.page_views VALUES
    (79101, 2, DATE '2024-06-03', '/home'),
    (79102, 2, DATE '2024-06-03', '/product'),
    (79103, 2, DATE '2024-06-03', '/cart'),
    (79104, 2, DATE '2024-06-06', '/home'),
    (79105, NULL, DATE '2024-06-06', '/home');                   -- an anonymous visitor

-- keep the aggregate consistent with the page views, as the nightly job would
UPDATE analytics.daily_active_users AS d
SET active_users = (SELECT count(DISTINCT pv.user_id) FROM app.page_views AS pv WHERE pv.viewed_on = d.day)
WHERE d.day >= DATE '2024-05-27';
