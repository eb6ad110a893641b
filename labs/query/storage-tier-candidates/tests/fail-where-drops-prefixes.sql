-- Wrong: keeps only the objects that move in WHERE, so prefixes with nothing to move
-- (the marts, the archived CDN logs) disappear instead of being reported with 0 bytes.
WITH objects AS (
    SELECT o.bucket,
           CASE WHEN strpos(o.object_key, '/') = 0 THEN '(root)' ELSE split_part(o.object_key, '/', 1) END AS prefix,
           o.size_bytes, o.storage_class,
           date_diff('day', coalesce(o.last_accessed_on, o.created_on), rc.as_of) AS idle_days
    FROM lake.object_inventory AS o, ops.run_context AS rc
)
SELECT bucket, prefix,
       sum(CASE WHEN storage_class = 'STANDARD' AND idle_days < 180 THEN size_bytes ELSE 0 END) AS to_infrequent_bytes,
       sum(CASE WHEN idle_days >= 180 THEN size_bytes ELSE 0 END)                              AS to_archive_bytes
FROM objects
WHERE size_bytes >= 131072
  AND ((storage_class = 'STANDARD' AND idle_days >= 30)
       OR (storage_class = 'INFREQUENT' AND idle_days >= 180))
GROUP BY bucket, prefix
ORDER BY bucket, prefix;
