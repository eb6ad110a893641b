-- Wrong: rebuilds the whole aggregate from app.page_views. The days before the page views'
-- retention window disappear from the history, and a day whose only visitor was erased loses
-- its row instead of showing 0.
CREATE OR REPLACE TABLE privacy.erasure_batch AS
SELECT DISTINCT r.user_id FROM privacy.erasure_requests AS r
JOIN app.users AS u ON u.user_id = r.user_id
WHERE r.status = 'pending';

DELETE FROM app.page_views WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
UPDATE app.orders SET user_id = NULL, ship_address = NULL
WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM analytics.daily_active_users;
INSERT INTO analytics.daily_active_users
SELECT viewed_on, count(DISTINCT user_id) FROM app.page_views GROUP BY viewed_on;

UPDATE privacy.erasure_requests
SET status = 'done', processed_on = (SELECT run_date FROM ops.run_context)
WHERE status = 'pending' AND user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM app.users WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
