-- Wrong: counts parcels still on their way and keeps negative clock-error durations.
SELECT carrier, count(*),
       quantile_cont(epoch(delivered_at - shipped_at) / 3600.0, 0.5),
       quantile_cont(epoch(delivered_at - shipped_at) / 3600.0, 0.9)
FROM logistics.shipments
GROUP BY carrier;
