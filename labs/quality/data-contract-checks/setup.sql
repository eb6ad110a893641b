-- Visible dataset: the payments team's feed as it lands in the warehouse (every value as text,
-- the way the producer serialises it), and the registry that publishes the feed's contract.
CREATE SCHEMA landing;
CREATE SCHEMA contract;

-- The allowed values of the feed's enumerated columns, as published by the producer.
-- The registry is the source of truth: new values are added here before they are sent.
CREATE TABLE contract.enum_values (
    column_name    VARCHAR NOT NULL,
    allowed_value  VARCHAR NOT NULL
);

INSERT INTO contract.enum_values VALUES
    ('currency', 'USD'), ('currency', 'EUR'), ('currency', 'KRW'),
    ('status', 'authorized'), ('status', 'captured'), ('status', 'refunded'), ('status', 'failed');

-- The landing table. Every producer column is VARCHAR; _batch_id and _loaded_at are added by
-- the loader (one batch an hour).
CREATE TABLE landing.payments (
    payment_id     VARCHAR,
    order_id       VARCHAR,
    amount         VARCHAR,
    currency       VARCHAR,
    status         VARCHAR,
    paid_at        VARCHAR,
    customer_note  VARCHAR,
    _batch_id      INTEGER NOT NULL,
    _loaded_at     TIMESTAMP NOT NULL
);

INSERT INTO landing.payments
SELECT
    CAST(710000 + i AS VARCHAR)                                            AS payment_id,
    CAST(300000 + i * 3 AS VARCHAR)                                        AS order_id,
    CASE WHEN i % 3 = 2 THEN CAST(5000 + (i * 700) % 90000 AS VARCHAR)     -- KRW has no minor unit
         ELSE printf('%.2f', 3 + ((i * 37) % 400) + ((i * 13) % 100) / 100.0) END AS amount,
    CASE i % 3 WHEN 0 THEN 'USD' WHEN 1 THEN 'EUR' ELSE 'KRW' END          AS currency,
    CASE i % 5 WHEN 0 THEN 'authorized' WHEN 1 THEN 'captured' WHEN 2 THEN 'captured'
               WHEN 3 THEN 'refunded' ELSE 'failed' END                    AS status,
    CASE WHEN i % 5 IN (0, 4) THEN NULL                                    -- not paid (yet)
         ELSE strftime(TIMESTAMP '2024-06-03 08:00:00' + i * INTERVAL 7 MINUTE, '%Y-%m-%d %H:%M:%S') END AS paid_at,
    CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'gift wrap, please' ELSE 'leave at the door' END AS customer_note,
    1 + i // 8                                                             AS _batch_id,
    TIMESTAMP '2024-06-03 09:00:00' + (i // 8) * INTERVAL 1 HOUR           AS _loaded_at
FROM range(0, 48) AS t(i);

-- Valid values that look odd: a zero amount, a payment still being authorised with a note, an
-- amount without decimals in USD.
INSERT INTO landing.payments VALUES
    ('710100', '300900', '0.00',   'USD', 'captured',   '2024-06-03 13:40:00', NULL,        6, TIMESTAMP '2024-06-03 14:00:00'),
    ('710101', '300903', '42',     'USD', 'authorized', NULL,                  'call me',   6, TIMESTAMP '2024-06-03 14:00:00'),
    ('710102', '300906', '129.90', 'EUR', 'refunded',   '2024-06-03 13:52:10', '',          6, TIMESTAMP '2024-06-03 14:00:00');
