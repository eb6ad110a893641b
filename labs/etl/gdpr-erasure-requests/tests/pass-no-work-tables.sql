-- Correct too, without work tables: fix the aggregate first (excluding the users about to be
-- erased), then anonymise and delete, close the requests while the users still exist, and
-- delete the users last. Every statement re-derives "the batch" from the same two tables.
UPDATE analytics.daily_active_users AS d
SET active_users = (
    SELECT count(DISTINCT pv.user_id) FROM app.page_views AS pv
    WHERE pv.viewed_on = d.day
      AND NOT EXISTS (SELECT 1 FROM privacy.erasure_requests AS r JOIN app.users AS u ON u.user_id = r.user_id
                      WHERE r.status = 'pending' AND r.user_id = pv.user_id))
WHERE EXISTS (
    SELECT 1 FROM app.page_views AS pv
    JOIN privacy.erasure_requests AS r ON r.user_id = pv.user_id AND r.status = 'pending'
    JOIN app.users AS u ON u.user_id = r.user_id
    WHERE pv.viewed_on = d.day);

DELETE FROM app.page_views AS pv
WHERE EXISTS (SELECT 1 FROM privacy.erasure_requests AS r JOIN app.users AS u ON u.user_id = r.user_id
              WHERE r.status = 'pending' AND r.user_id = pv.user_id);

UPDATE app.orders AS o
SET user_id = NULL, ship_address = NULL
WHERE EXISTS (SELECT 1 FROM privacy.erasure_requests AS r JOIN app.users AS u ON u.user_id = r.user_id
              WHERE r.status = 'pending' AND r.user_id = o.user_id);

UPDATE privacy.erasure_requests AS r
SET status = 'done', processed_on = rc.run_date
FROM ops.run_context AS rc
WHERE r.status = 'pending'
  AND EXISTS (SELECT 1 FROM app.users AS u WHERE u.user_id = r.user_id);

DELETE FROM app.users AS u
WHERE EXISTS (SELECT 1 FROM privacy.erasure_requests AS r
              WHERE r.user_id = u.user_id AND r.status = 'done'
                AND r.processed_on = (SELECT run_date FROM ops.run_context));
