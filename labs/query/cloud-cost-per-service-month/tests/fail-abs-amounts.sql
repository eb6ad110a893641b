-- Wrong: treats every amount as a cost with abs(), so credits and refunds are added instead
-- of subtracted.
SELECT date_trunc('month', li.usage_date)::DATE AS usage_month,
       li.service,
       round(sum(abs(li.amount) * fx.usd_per_unit), 2) AS cost_usd
FROM billing.line_items AS li
JOIN billing.fx_rates AS fx
  ON fx.currency = li.currency AND fx.rate_month = date_trunc('month', li.usage_date)
GROUP BY usage_month, li.service
ORDER BY usage_month, cost_usd DESC, li.service;
