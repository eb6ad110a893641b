-- Wrong on the second run: the batch of users is staged with a plain CREATE TABLE, which fails
-- when the scheduler retries the job and the table is still there.
CREATE TABLE privacy.erasure_batch AS
SELECT DISTINCT r.user_id FROM privacy.erasure_requests AS r
JOIN app.users AS u ON u.user_id = r.user_id
WHERE r.status = 'pending';

UPDATE analytics.daily_active_users AS d
SET active_users = (SELECT count(DISTINCT pv.user_id) FROM app.page_views AS pv
                    WHERE pv.viewed_on = d.day AND pv.user_id NOT IN (SELECT user_id FROM privacy.erasure_batch))
WHERE d.day IN (SELECT viewed_on FROM app.page_views WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch));

DELETE FROM app.page_views WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
UPDATE app.orders SET user_id = NULL, ship_address = NULL
WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

UPDATE privacy.erasure_requests
SET status = 'done', processed_on = (SELECT run_date FROM ops.run_context)
WHERE status = 'pending' AND user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM app.users WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
