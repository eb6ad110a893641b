-- After a timeout the scheduler re-ran the newest load, which had in fact succeeded: all its
-- orders and lines were appended a second time.
INSERT INTO shop.order_items
SELECT * FROM shop.order_items WHERE _batch_id = (SELECT max(_batch_id) FROM shop.orders);
INSERT INTO shop.orders
SELECT * FROM shop.orders WHERE _batch_id = (SELECT max(_batch_id) FROM shop.orders);
