WITH delivered AS (
    SELECT carrier,
           epoch(delivered_at - shipped_at) / 3600.0 AS hours
    FROM logistics.shipments
    WHERE delivered_at IS NOT NULL
      AND delivered_at >= shipped_at
)
SELECT carrier,
       count(*)                   AS delivered_shipments,
       quantile_cont(hours, 0.5)  AS p50_hours,
       quantile_cont(hours, 0.9)  AS p90_hours
FROM delivered
GROUP BY carrier;
