-- Wrong: deletes the erased users' orders too. The tax office requires the orders to be kept;
-- only the link to the person (user_id) and the address have to go.
CREATE OR REPLACE TABLE privacy.erasure_batch AS
SELECT DISTINCT r.user_id FROM privacy.erasure_requests AS r
JOIN app.users AS u ON u.user_id = r.user_id
WHERE r.status = 'pending';

CREATE OR REPLACE TABLE privacy.erasure_days AS
SELECT DISTINCT viewed_on AS day FROM app.page_views
WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM app.page_views WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
DELETE FROM app.orders     WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

UPDATE analytics.daily_active_users AS d
SET active_users = (SELECT count(DISTINCT pv.user_id) FROM app.page_views AS pv WHERE pv.viewed_on = d.day)
WHERE d.day IN (SELECT day FROM privacy.erasure_days);

UPDATE privacy.erasure_requests
SET status = 'done', processed_on = (SELECT run_date FROM ops.run_context)
WHERE status = 'pending' AND user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM app.users WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
