-- A housekeeping job purged cancelled orders from shop.orders, but nobody told it about
-- shop.order_items: the lines of those orders are now orphans.
DELETE FROM shop.orders WHERE status = 'cancelled';
