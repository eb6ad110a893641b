-- Uses (order_id, product_sku) as the line key: an order with the same SKU on two lines fires.
SELECT order_id, count(*) FROM shop.orders GROUP BY order_id HAVING count(*) > 1;
SELECT order_id, product_sku, count(*) FROM shop.order_items GROUP BY order_id, product_sku HAVING count(*) > 1;
