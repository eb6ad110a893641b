-- Wrong: quantile_disc returns an actual observed value instead of interpolating.
SELECT carrier, count(*),
       quantile_disc(h, 0.5), quantile_disc(h, 0.9)
FROM (SELECT carrier, epoch(delivered_at - shipped_at) / 3600.0 AS h
      FROM logistics.shipments
      WHERE delivered_at >= shipped_at)
GROUP BY carrier;
