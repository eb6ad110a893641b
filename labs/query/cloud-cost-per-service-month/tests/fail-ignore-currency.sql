-- Wrong: adds amounts in dollars, euros and won as if they were one currency. The Korean
-- account's won amounts dwarf everything else.
SELECT date_trunc('month', usage_date)::DATE AS usage_month,
       service,
       round(sum(amount), 2) AS cost_usd
FROM billing.line_items
GROUP BY usage_month, service
ORDER BY usage_month, cost_usd DESC, service;
