-- Correct too: median() is the continuous 50th percentile; a list of quantiles in one call.
SELECT carrier, n, p50, q[2]
FROM (
    SELECT carrier,
           count(*) AS n,
           median(h) AS p50,
           quantile_cont(h, [0.5, 0.9]) AS q
    FROM (SELECT carrier, epoch(delivered_at) / 3600 - epoch(shipped_at) / 3600 AS h
          FROM logistics.shipments)
    WHERE h >= 0
    GROUP BY carrier
);
