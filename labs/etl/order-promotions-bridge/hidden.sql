-- Hidden dataset: a week later. Marketing created the EASTER24 promotion after the fact, customer
-- service edited two orders, one order was deleted, and new orders came in.
INSERT INTO shop.promotions VALUES (7, 'EASTER24', 'Easter weekend');

UPDATE shop.orders SET promo_codes = 'SUMMER15, summer15 , VIP20' WHERE order_id = 9001;
UPDATE shop.orders SET promo_codes = NULL WHERE order_id = 9003;
DELETE FROM shop.orders WHERE order_id = 9020;

INSERT INTO shop.orders VALUES
    (9021, DATE '2024-04-08', 'welcome50,WELCOME5'),
    (9022, DATE '2024-04-08', ',,SPRING10'),
    (9023, DATE '2024-04-09', 'BLACKFRIDAY, blackfriday'),
    (9024, DATE '2024-04-09', 'VIP20,  ,  FREESHIP  '),
    (9025, DATE '2024-04-10', 'spring-10'),
    (9026, DATE '2024-04-10', 'FREESHIP,EASTER24,SPRING10,VIP20');
