-- Wrong: the month is right, but each line is converted at the rate of the month it was
-- invoiced, so late lines use the wrong month's rate.
SELECT date_trunc('month', li.usage_date)::DATE AS usage_month,
       li.service,
       round(sum(li.amount * fx.usd_per_unit), 2) AS cost_usd
FROM billing.line_items AS li
JOIN billing.fx_rates AS fx
  ON fx.currency = li.currency AND fx.rate_month = li.invoice_month
GROUP BY usage_month, li.service
ORDER BY usage_month, cost_usd DESC, li.service;
