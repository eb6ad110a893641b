-- The producer upgraded its serialiser and the newest batch formats amounts with a decimal
-- comma ('129,90'): no consumer can cast them any more.
UPDATE landing.payments
SET amount = replace(amount, '.', ',')
WHERE _batch_id = (SELECT max(_batch_id) FROM landing.payments);
