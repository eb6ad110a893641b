-- Wrong: keeps only the usage lines, so every credit and refund is ignored and the cost is
-- overstated (and a fully credited service looks like it cost money).
SELECT date_trunc('month', li.usage_date)::DATE AS usage_month,
       li.service,
       round(sum(li.amount * fx.usd_per_unit), 2) AS cost_usd
FROM billing.line_items AS li
JOIN billing.fx_rates AS fx
  ON fx.currency = li.currency AND fx.rate_month = date_trunc('month', li.usage_date)
WHERE li.line_type = 'usage'
GROUP BY usage_month, li.service
ORDER BY usage_month, cost_usd DESC, li.service;
