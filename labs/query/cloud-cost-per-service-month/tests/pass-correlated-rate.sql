-- Correct too: convert each line in a CTE with a scalar subquery for its rate, then aggregate.
WITH converted AS (
    SELECT make_date(year(li.usage_date), month(li.usage_date), 1) AS usage_month,
           li.service,
           li.amount * (SELECT fx.usd_per_unit
                        FROM billing.fx_rates AS fx
                        WHERE fx.currency = li.currency
                          AND fx.rate_month = make_date(year(li.usage_date), month(li.usage_date), 1)) AS usd
    FROM billing.line_items AS li
)
SELECT usage_month, service, round(sum(usd), 2) AS cost_usd
FROM converted
GROUP BY usage_month, service
ORDER BY usage_month, cost_usd DESC, service;
