-- check: a user whose request is done still has a row in app.users
-- check.ko: 요청 처리가 끝난 사용자의 행이 app.users에 아직 있습니다
SELECT r.request_id FROM privacy.erasure_requests AS r
WHERE r.status = 'done' AND EXISTS (SELECT 1 FROM app.users AS u WHERE u.user_id = r.user_id)
LIMIT 1;

-- check: a user whose request is done still has page views or orders linked to them
-- check.ko: 요청 처리가 끝난 사용자에게 페이지 뷰나 주문이 아직 연결되어 있습니다
SELECT r.request_id FROM privacy.erasure_requests AS r
WHERE r.status = 'done'
  AND (EXISTS (SELECT 1 FROM app.page_views AS p WHERE p.user_id = r.user_id)
       OR EXISTS (SELECT 1 FROM app.orders AS o WHERE o.user_id = r.user_id))
LIMIT 1;

-- check: analytics.daily_active_users disagrees with app.page_views on a day inside the retention window
-- check.ko: 보존 기간 안의 어떤 날에 analytics.daily_active_users가 app.page_views와 맞지 않습니다
SELECT d.day FROM analytics.daily_active_users AS d
WHERE d.day >= DATE '2024-05-27'
  AND d.active_users <> (SELECT count(DISTINCT p.user_id) FROM app.page_views AS p WHERE p.viewed_on = d.day)
LIMIT 1;

-- check: an order lost its amount or was deleted (orders must be kept for the tax office)
-- check.ko: 주문의 금액이 사라졌거나 주문이 삭제되었습니다(주문은 세무서 제출용으로 보관해야 합니다)
SELECT 'orders' WHERE (SELECT count(*) FROM app.orders WHERE amount IS NOT NULL) < 26
LIMIT 1;
