-- A cleanup script dropped payments.method, believing nobody used it.
ALTER TABLE shop.payments DROP COLUMN method;
