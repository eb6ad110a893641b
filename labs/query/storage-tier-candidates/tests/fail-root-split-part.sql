-- Wrong: split_part returns the whole key when there is no '/', so every object at the bucket
-- root becomes a "prefix" of its own instead of being grouped under '(root)'.
WITH objects AS (
    SELECT o.bucket, split_part(o.object_key, '/', 1) AS prefix, o.size_bytes, o.storage_class,
           date_diff('day', coalesce(o.last_accessed_on, o.created_on), rc.as_of) AS idle_days
    FROM lake.object_inventory AS o, ops.run_context AS rc
)
SELECT bucket, prefix,
       sum(CASE WHEN size_bytes >= 131072 AND storage_class = 'STANDARD' AND idle_days >= 30 AND idle_days < 180
                THEN size_bytes ELSE 0 END) AS to_infrequent_bytes,
       sum(CASE WHEN size_bytes >= 131072 AND storage_class <> 'ARCHIVE' AND idle_days >= 180
                THEN size_bytes ELSE 0 END) AS to_archive_bytes
FROM objects
GROUP BY bucket, prefix
ORDER BY bucket, prefix;
