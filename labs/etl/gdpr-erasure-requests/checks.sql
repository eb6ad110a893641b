-- check: a user whose request is done still has a row in app.users
SELECT r.request_id FROM privacy.erasure_requests AS r
WHERE r.status = 'done' AND EXISTS (SELECT 1 FROM app.users AS u WHERE u.user_id = r.user_id)
LIMIT 1;

-- check: a user whose request is done still has page views or orders linked to them
SELECT r.request_id FROM privacy.erasure_requests AS r
WHERE r.status = 'done'
  AND (EXISTS (SELECT 1 FROM app.page_views AS p WHERE p.user_id = r.user_id)
       OR EXISTS (SELECT 1 FROM app.orders AS o WHERE o.user_id = r.user_id))
LIMIT 1;

-- check: analytics.daily_active_users disagrees with app.page_views on a day inside the retention window
SELECT d.day FROM analytics.daily_active_users AS d
WHERE d.day >= DATE '2024-05-27'
  AND d.active_users <> (SELECT count(DISTINCT p.user_id) FROM app.page_views AS p WHERE p.viewed_on = d.day)
LIMIT 1;

-- check: an order lost its amount or was deleted (orders must be kept for the tax office)
SELECT 'orders' WHERE (SELECT count(*) FROM app.orders WHERE amount IS NOT NULL) < 26
LIMIT 1;
