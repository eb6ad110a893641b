-- The payments team shipped a v2 table and renamed the old one: shop.payments no longer exists.
ALTER TABLE shop.payments RENAME TO payments_v2;
