-- A refactoring of the refund service stopped filling order_id on refunds.
UPDATE landing.payments
SET order_id = NULL
WHERE status = 'refunded';
