-- Wrong: groups by the invoice month, the way the invoice PDF reads. The refund for March and
-- the late March warehouse usage land in April.
SELECT li.invoice_month AS usage_month,
       li.service,
       round(sum(li.amount * fx.usd_per_unit), 2) AS cost_usd
FROM billing.line_items AS li
JOIN billing.fx_rates AS fx
  ON fx.currency = li.currency AND fx.rate_month = li.invoice_month
GROUP BY li.invoice_month, li.service
ORDER BY usage_month, cost_usd DESC, li.service;
