-- Wrong: treats every request that is not done as work to do. The user under a legal hold is
-- erased, and the requests for unknown users are closed as 'done' although nothing was erased.
CREATE OR REPLACE TABLE privacy.erasure_batch AS
SELECT DISTINCT user_id FROM privacy.erasure_requests WHERE status <> 'done';

CREATE OR REPLACE TABLE privacy.erasure_days AS
SELECT DISTINCT viewed_on AS day FROM app.page_views
WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM app.page_views WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
UPDATE app.orders SET user_id = NULL, ship_address = NULL
WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

UPDATE analytics.daily_active_users AS d
SET active_users = (SELECT count(DISTINCT pv.user_id) FROM app.page_views AS pv WHERE pv.viewed_on = d.day)
WHERE d.day IN (SELECT day FROM privacy.erasure_days);

UPDATE privacy.erasure_requests
SET status = 'done', processed_on = (SELECT run_date FROM ops.run_context)
WHERE status <> 'done';

DELETE FROM app.users WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
