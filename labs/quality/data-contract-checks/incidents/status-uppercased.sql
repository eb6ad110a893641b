-- A new producer release sends the status in upper case ('CAPTURED') from the newest batch on.
UPDATE landing.payments
SET status = upper(status)
WHERE _batch_id = (SELECT max(_batch_id) FROM landing.payments);
