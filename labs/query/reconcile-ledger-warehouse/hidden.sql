-- Hidden dataset: the next reconciliation, over a later window, after some repairs and new breaks.
UPDATE ops.recon_window SET date_from = DATE '2024-05-05', date_to = DATE '2024-05-15';

-- Repaired: the load of 2024-05-11 was re-run, and the 0.90 gap of 2024-05-13 was corrected.
INSERT INTO dw.revenue
SELECT order_id, CAST(captured_at AS DATE), CAST(amount_minor AS DECIMAL(14, 2)) * 0.01
FROM ledger.payments WHERE CAST(captured_at AS DATE) = DATE '2024-05-11';
UPDATE dw.revenue SET revenue = revenue + 0.90 WHERE order_id = 713405;

-- 2024-05-06: a refund stored with the wrong sign in the warehouse.
UPDATE dw.revenue SET revenue = 25.00 WHERE order_id = 712302 AND revenue_date = DATE '2024-05-06';

-- 2024-05-08: test orders from a QA run leaked into the warehouse; the ledger never saw them.
INSERT INTO dw.revenue VALUES (999001, DATE '2024-05-08', 99.99), (999002, DATE '2024-05-08', 0.50);

-- 2024-05-15: four orders off, two of them by exactly the same amount in opposite directions.
UPDATE dw.revenue SET revenue = revenue + 12.00 WHERE order_id = 713607;
UPDATE dw.revenue SET revenue = revenue - 12.00 WHERE order_id = 713603;
UPDATE dw.revenue SET revenue = revenue - 30.00 WHERE order_id = 713610;
UPDATE dw.revenue SET revenue = revenue + 5.00  WHERE order_id = 713601;

-- 2024-05-14: the B2B order is now 2.01 off, just over that day's tolerance.
UPDATE dw.revenue SET revenue = 2615.47 WHERE order_id = 713550;

-- 2024-05-10: a refund of the order captured before midnight, booked by both systems.
INSERT INTO ledger.payments VALUES (5007, 713099, 'refund', 5000, TIMESTAMP '2024-05-10 10:00:00');
INSERT INTO dw.revenue VALUES (713099, DATE '2024-05-10', -50.00);
