-- Correct too: the SQL-standard ordered-set syntax and seconds counted with date_diff.
SELECT carrier,
       count(delivered_at),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY date_diff('second', shipped_at, delivered_at) / 3600),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY date_diff('second', shipped_at, delivered_at) / 3600)
FROM logistics.shipments
WHERE NOT delivered_at < shipped_at
GROUP BY carrier;
