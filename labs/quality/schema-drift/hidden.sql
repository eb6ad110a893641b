-- Hidden clean variant: the schema evolved without breaking the contract.
-- 1. An additive change: orders got a new optional column (allowed: not in the contract).
ALTER TABLE shop.orders ADD COLUMN coupon_code VARCHAR;
UPDATE shop.orders SET coupon_code = 'SPRING10' WHERE order_id = 104;

-- 2. A new table came under contract, and it matches it.
CREATE TABLE shop.refunds (
    refund_id   INTEGER,
    payment_id  INTEGER,
    amount      DECIMAL(10,2),
    reason      VARCHAR,
    refunded_at TIMESTAMP
);
INSERT INTO shop.refunds VALUES
    (1, 9002, 40.00, 'damaged item', TIMESTAMP '2024-03-13 14:00:00');
INSERT INTO ops.expected_columns VALUES
    ('refunds', 'refund_id',   'INTEGER'),
    ('refunds', 'payment_id',  'INTEGER'),
    ('refunds', 'amount',      'DECIMAL(10,2)'),
    ('refunds', 'reason',      'VARCHAR'),
    ('refunds', 'refunded_at', 'TIMESTAMP');

-- 3. An old copy of customers, kept in another schema with an older layout (not under contract).
CREATE SCHEMA archive;
CREATE TABLE archive.customers (
    customer_id BIGINT,
    email_addr  VARCHAR,
    country     VARCHAR
);
INSERT INTO archive.customers VALUES (1, 'ana.silva@example.com', 'PT');
CREATE TABLE staging.payments (
    payment_id VARCHAR,
    order_id   VARCHAR,
    amount     VARCHAR
);
