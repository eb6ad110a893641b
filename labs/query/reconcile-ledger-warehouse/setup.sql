-- Visible dataset: two weeks of the payment provider's ledger and of the warehouse revenue table.
CREATE SCHEMA ledger;
CREATE SCHEMA dw;
CREATE SCHEMA ops;

-- The days to reconcile, both included.
CREATE TABLE ops.recon_window (date_from DATE NOT NULL, date_to DATE NOT NULL);
INSERT INTO ops.recon_window VALUES (DATE '2024-05-01', DATE '2024-05-14');

-- The payment provider's ledger: one row per money movement. amount_minor is in euro cents and
-- always positive; kind says whether the money came in (capture) or went back (refund).
CREATE TABLE ledger.payments (
    payment_id    INTEGER   NOT NULL,
    order_id      INTEGER   NOT NULL,
    kind          VARCHAR   NOT NULL,   -- capture or refund
    amount_minor  BIGINT    NOT NULL,
    captured_at   TIMESTAMP NOT NULL    -- UTC
);

-- The warehouse: net revenue in euros per order and UTC day. A refund is a negative row on the
-- day it happened; an order can have several rows on one day.
CREATE TABLE dw.revenue (
    order_id      INTEGER       NOT NULL,
    revenue_date  DATE          NOT NULL,
    revenue       DECIMAL(12, 2) NOT NULL
);

-- Twelve orders a day from 2024-04-30 to 2024-05-15; the shop was closed for maintenance on 2024-05-12.
INSERT INTO ledger.payments
SELECT 1000 + row_number() OVER (ORDER BY order_id), order_id, 'capture', amount_minor, captured_at
FROM (
    SELECT 700000 + dayofyear(d.ts) * 100 + n AS order_id,
           1500 + ((dayofyear(d.ts) * 100 + n) * 7919) % 20000 AS amount_minor,
           d.ts + INTERVAL 8 HOURS + n * INTERVAL 53 MINUTES AS captured_at
    FROM generate_series(TIMESTAMP '2024-04-30', TIMESTAMP '2024-05-15', INTERVAL 1 DAY) AS d(ts),
         range(0, 12) AS r(n)
    WHERE d.ts <> TIMESTAMP '2024-05-12'
) AS g;

INSERT INTO dw.revenue
SELECT order_id, CAST(captured_at AS DATE), CAST(amount_minor AS DECIMAL(14, 2)) * 0.01
FROM ledger.payments;

-- Refunds that both systems booked correctly, one of them on the day of its capture.
INSERT INTO ledger.payments VALUES
    (5001, 712302, 'refund', 2500, TIMESTAMP '2024-05-06 14:00:00'),   -- order of 2024-05-02
    (5002, 712605, 'refund', 1000, TIMESTAMP '2024-05-05 19:30:00');   -- same day as its capture
INSERT INTO dw.revenue VALUES
    (712302, DATE '2024-05-06', -25.00),
    (712605, DATE '2024-05-05', -10.00);

-- 2024-05-03: the warehouse converts a few orders from another currency and rounds differently.
UPDATE dw.revenue SET revenue = revenue + 0.01 WHERE order_id IN (712401, 712404, 712409);

-- 2024-05-05: a refund the warehouse never received.
INSERT INTO ledger.payments VALUES (5003, 712607, 'refund', 4500, TIMESTAMP '2024-05-05 21:10:00');

-- 2024-05-07: a retried load appended two orders twice, and one order never reached the warehouse.
INSERT INTO dw.revenue SELECT * FROM dw.revenue WHERE order_id IN (712803, 712810);
DELETE FROM dw.revenue WHERE order_id = 712806;
-- ... and a partial refund booked twice by the warehouse, once by the ledger.
INSERT INTO ledger.payments VALUES (5004, 712801, 'refund', 700, TIMESTAMP '2024-05-07 20:00:00');
INSERT INTO dw.revenue VALUES (712801, DATE '2024-05-07', -7.00), (712801, DATE '2024-05-07', -7.00);

-- 2024-05-09: a payment captured seconds before midnight UTC that the warehouse booked the next day.
INSERT INTO ledger.payments VALUES (5005, 713099, 'capture', 25000, TIMESTAMP '2024-05-09 23:59:40');
INSERT INTO dw.revenue VALUES (713099, DATE '2024-05-10', 250.00);

-- 2024-05-11: the warehouse load of that day failed and was never re-run.
DELETE FROM dw.revenue WHERE revenue_date = DATE '2024-05-11';

-- 2024-05-13: one order is 0.90 off.
UPDATE dw.revenue SET revenue = revenue - 0.90 WHERE order_id = 713405;

-- 2024-05-14: a large B2B order brings the day to exactly 4000.00 in the ledger, and the
-- warehouse is exactly 2.00 above it (the percentage tolerance of that day).
INSERT INTO ledger.payments VALUES (5006, 713550, 'capture', 261346, TIMESTAMP '2024-05-14 16:45:00');
INSERT INTO dw.revenue VALUES (713550, DATE '2024-05-14', 2615.46);

-- 2024-05-02: three round-up donations of a few cents, booked by both systems.
INSERT INTO ledger.payments VALUES
    (5010, 712390, 'capture', 10, TIMESTAMP '2024-05-02 20:00:00'),
    (5011, 712391, 'capture', 20, TIMESTAMP '2024-05-02 20:05:00'),
    (5012, 712392, 'capture', 30, TIMESTAMP '2024-05-02 20:06:00');
INSERT INTO dw.revenue VALUES
    (712390, DATE '2024-05-02', 0.10),
    (712391, DATE '2024-05-02', 0.20),
    (712392, DATE '2024-05-02', 0.30);
