-- Correct too: the same join computed in DOUBLE; the difference is far below the tolerance.
SELECT CAST(strftime(li.usage_date, '%Y-%m-01') AS DATE) AS usage_month,
       li.service,
       round(sum(CAST(li.amount AS DOUBLE) * CAST(fx.usd_per_unit AS DOUBLE)), 2) AS cost_usd
FROM billing.line_items AS li
LEFT JOIN billing.fx_rates AS fx
  ON fx.currency = li.currency
 AND fx.rate_month = CAST(strftime(li.usage_date, '%Y-%m-01') AS DATE)
GROUP BY 1, 2
ORDER BY 1, 3 DESC, 2;
