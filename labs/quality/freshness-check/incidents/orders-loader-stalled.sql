-- The orders loader has been failing since early morning: every batch after 03:15 is missing.
DELETE FROM shop.orders WHERE loaded_at > TIMESTAMP '2024-03-15 03:15:00';
