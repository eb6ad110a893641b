-- Wrong: deletes the users first. Every later statement decides "is this a known user?" by
-- looking in app.users, where the erased users no longer are: their page views stay, their
-- orders keep the link and the requests are never closed.
DELETE FROM app.users
WHERE user_id IN (SELECT user_id FROM privacy.erasure_requests WHERE status = 'pending');

DELETE FROM app.page_views
WHERE user_id IN (SELECT r.user_id FROM privacy.erasure_requests AS r JOIN app.users AS u ON u.user_id = r.user_id
                  WHERE r.status = 'pending');

UPDATE app.orders SET user_id = NULL, ship_address = NULL
WHERE user_id IN (SELECT r.user_id FROM privacy.erasure_requests AS r JOIN app.users AS u ON u.user_id = r.user_id
                  WHERE r.status = 'pending');

UPDATE privacy.erasure_requests AS r
SET status = 'done', processed_on = (SELECT run_date FROM ops.run_context)
WHERE r.status = 'pending' AND EXISTS (SELECT 1 FROM app.users AS u WHERE u.user_id = r.user_id);
