-- The payment provider's webhook was pointed at production by the staging shop: two payments
-- for orders that only exist in staging (its order ids start at 990000) arrived in
-- shop.payments, right after the latest real payment.
INSERT INTO shop.payments
SELECT p.last_id + k, 990016 + k, 'order', [19.90, 42.00][k], p.last_paid + k * INTERVAL 7 MINUTES
FROM (SELECT max(payment_id) AS last_id, max(paid_at) AS last_paid FROM shop.payments) AS p,
     range(1, 3) AS r(k);
