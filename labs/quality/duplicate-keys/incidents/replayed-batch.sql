-- After a timeout the scheduler re-ran the load of batch b-20240315, which had in fact
-- succeeded: all its orders and lines were appended a second time.
INSERT INTO shop.orders SELECT * FROM shop.orders WHERE _batch_id = 'b-20240315';
INSERT INTO shop.order_items SELECT * FROM shop.order_items WHERE _batch_id = 'b-20240315';
