-- Visible dataset: three months of a cloud billing export for three billing accounts.
-- Each account is invoiced in its own currency. Credits and refunds are negative amounts.
CREATE SCHEMA billing;

CREATE TABLE billing.line_items (
    line_item_id    INTEGER PRIMARY KEY,
    billing_account VARCHAR NOT NULL,   -- acct-us (USD), acct-eu (EUR), acct-kr (KRW)
    invoice_month   DATE NOT NULL,      -- first day of the month of the invoice that carries the line
    usage_date      DATE NOT NULL,      -- the day the resource was used
    service         VARCHAR NOT NULL,
    line_type       VARCHAR NOT NULL,   -- usage, credit, refund
    amount          DECIMAL(14, 4) NOT NULL,
    currency        VARCHAR NOT NULL    -- ISO code of amount
);

-- Monthly exchange rates to USD, one row per currency and month (USD included, at 1).
CREATE TABLE billing.fx_rates (
    currency      VARCHAR NOT NULL,
    rate_month    DATE NOT NULL,        -- first day of the month the rate applies to
    usd_per_unit  DECIMAL(12, 8) NOT NULL,
    PRIMARY KEY (currency, rate_month)
);

INSERT INTO billing.fx_rates VALUES
    ('USD', DATE '2024-03-01', 1.0),
    ('USD', DATE '2024-04-01', 1.0),
    ('USD', DATE '2024-05-01', 1.0),
    ('EUR', DATE '2024-03-01', 1.0870),
    ('EUR', DATE '2024-04-01', 1.0720),
    ('EUR', DATE '2024-05-01', 1.0810),
    ('KRW', DATE '2024-03-01', 0.00075),
    ('KRW', DATE '2024-04-01', 0.00073),
    ('KRW', DATE '2024-05-01', 0.00072);

-- Weekly usage lines: every account uses Compute and Object Storage; only acct-us and acct-kr
-- run the Managed Warehouse. Amounts are in the account's currency.
INSERT INTO billing.line_items
SELECT
    1000 + row_number() OVER (ORDER BY d.day, a.acct, s.service)            AS line_item_id,
    a.acct,
    date_trunc('month', d.day)::DATE                                         AS invoice_month,
    d.day::DATE                                                              AS usage_date,
    s.service,
    'usage',
    CAST(a.scale * s.base * (1 + ((d.n * 7 + s.k * 3) % 5) / 10.0) AS DECIMAL(14, 4)) AS amount,
    a.currency
FROM (SELECT day, row_number() OVER (ORDER BY day) AS n
      FROM generate_series(DATE '2024-03-02', DATE '2024-05-31', INTERVAL 7 DAY) AS g(day)) AS d
CROSS JOIN (VALUES ('acct-us', 'USD', 1.0), ('acct-eu', 'EUR', 0.9), ('acct-kr', 'KRW', 1350.0))
    AS a(acct, currency, scale)
CROSS JOIN (VALUES ('Compute', 120.0, 1), ('Object Storage', 35.5, 2), ('Managed Warehouse', 210.0, 3))
    AS s(service, base, k)
WHERE NOT (a.acct = 'acct-eu' AND s.service = 'Managed Warehouse');

-- Credits, refunds and late lines.
INSERT INTO billing.line_items VALUES
    -- a committed-use credit on compute, every month, for the US account
    (2001, 'acct-us', DATE '2024-03-01', DATE '2024-03-31', 'Compute',           'credit', -150.0000, 'USD'),
    (2002, 'acct-us', DATE '2024-04-01', DATE '2024-04-30', 'Compute',           'credit', -150.0000, 'USD'),
    (2003, 'acct-us', DATE '2024-05-01', DATE '2024-05-31', 'Compute',           'credit', -150.0000, 'USD'),
    -- a refund for an outage in March, issued on the April invoice
    (2004, 'acct-eu', DATE '2024-04-01', DATE '2024-03-14', 'Object Storage',    'refund',  -40.0000, 'EUR'),
    -- usage on the last day of March that was only billed on the April invoice
    (2005, 'acct-kr', DATE '2024-04-01', DATE '2024-03-31', 'Managed Warehouse', 'usage', 98000.0000, 'KRW'),
    -- a one-off data transfer charge and its partial refund in the same month
    (2006, 'acct-eu', DATE '2024-05-01', DATE '2024-05-20', 'Data Transfer',     'usage',    75.2500, 'EUR'),
    (2007, 'acct-eu', DATE '2024-05-01', DATE '2024-05-20', 'Data Transfer',     'refund',  -25.2500, 'EUR'),
    -- a free-tier credit that exactly cancels a small April charge
    (2008, 'acct-us', DATE '2024-04-01', DATE '2024-04-02', 'Data Transfer',     'usage',    12.4000, 'USD'),
    (2009, 'acct-us', DATE '2024-04-01', DATE '2024-04-02', 'Data Transfer',     'credit',  -12.4000, 'USD');
