-- Wrong: subtracts the number of deleted page views from each day's count. The aggregate counts
-- distinct users, so a user who viewed three pages that day is subtracted three times.
CREATE OR REPLACE TABLE privacy.erasure_batch AS
SELECT DISTINCT r.user_id FROM privacy.erasure_requests AS r
JOIN app.users AS u ON u.user_id = r.user_id
WHERE r.status = 'pending';

UPDATE analytics.daily_active_users AS d
SET active_users = d.active_users - x.removed
FROM (SELECT viewed_on, count(*) AS removed FROM app.page_views
      WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch) GROUP BY viewed_on) AS x
WHERE x.viewed_on = d.day;

DELETE FROM app.page_views WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
UPDATE app.orders SET user_id = NULL, ship_address = NULL
WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);

UPDATE privacy.erasure_requests
SET status = 'done', processed_on = (SELECT run_date FROM ops.run_context)
WHERE status = 'pending' AND user_id IN (SELECT user_id FROM privacy.erasure_batch);

DELETE FROM app.users WHERE user_id IN (SELECT user_id FROM privacy.erasure_batch);
