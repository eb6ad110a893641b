-- Hidden dataset: June arrives with a new account in JPY, a new service, an SLA credit larger
-- than the month's usage, a refund for May usage on the June invoice, and a revised rate.
INSERT INTO billing.fx_rates VALUES
    ('USD', DATE '2024-06-01', 1.0),
    ('EUR', DATE '2024-06-01', 1.0740),
    ('KRW', DATE '2024-06-01', 0.00074),
    ('JPY', DATE '2024-05-01', 0.0064),
    ('JPY', DATE '2024-06-01', 0.0063);

-- The finance team corrected April's EUR rate after the close.
UPDATE billing.fx_rates SET usd_per_unit = 1.0650 WHERE currency = 'EUR' AND rate_month = DATE '2024-04-01';

INSERT INTO billing.line_items VALUES
    (3001, 'acct-us', DATE '2024-06-01', DATE '2024-06-03', 'Compute',              'usage',    410.0000, 'USD'),
    (3002, 'acct-us', DATE '2024-06-01', DATE '2024-06-10', 'Compute',              'usage',    395.5000, 'USD'),
    (3003, 'acct-us', DATE '2024-06-01', DATE '2024-06-30', 'Compute',              'credit',  -150.0000, 'USD'),
    (3004, 'acct-eu', DATE '2024-06-01', DATE '2024-06-04', 'Object Storage',       'usage',     88.1000, 'EUR'),
    -- an SLA credit for the storage outage that is larger than June's storage usage: net negative
    (3005, 'acct-eu', DATE '2024-06-01', DATE '2024-06-15', 'Object Storage',       'credit',  -120.0000, 'EUR'),
    -- a refund for May warehouse usage, carried by the June invoice
    (3006, 'acct-kr', DATE '2024-06-01', DATE '2024-05-28', 'Managed Warehouse',    'refund', -210000.0000, 'KRW'),
    (3007, 'acct-kr', DATE '2024-06-01', DATE '2024-06-05', 'Managed Warehouse',    'usage',  560000.0000, 'KRW'),
    -- a new account billed in JPY, starting at the end of May
    (3008, 'acct-jp', DATE '2024-05-01', DATE '2024-05-31', 'Serverless Functions', 'usage',   18000.0000, 'JPY'),
    (3009, 'acct-jp', DATE '2024-06-01', DATE '2024-06-01', 'Serverless Functions', 'usage',   52000.0000, 'JPY'),
    (3010, 'acct-jp', DATE '2024-06-01', DATE '2024-06-12', 'Serverless Functions', 'credit',  -9000.0000, 'JPY'),
    (3011, 'acct-jp', DATE '2024-06-01', DATE '2024-06-12', 'Compute',              'usage',   31000.0000, 'JPY');

-- The free-tier pair was voided by the provider and removed from the export, so Data Transfer
-- has no April row any more.
DELETE FROM billing.line_items WHERE line_item_id IN (2008, 2009);
