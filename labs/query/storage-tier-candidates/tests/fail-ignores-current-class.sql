-- Wrong: applies the idle-time rules without looking at where an object already is. Objects that
-- are already INFREQUENT are "moved" to infrequent again, and archived objects count as moving to
-- the archive, so the savings estimate is inflated.
WITH objects AS (
    SELECT o.bucket,
           CASE WHEN strpos(o.object_key, '/') = 0 THEN '(root)' ELSE split_part(o.object_key, '/', 1) END AS prefix,
           o.size_bytes,
           date_diff('day', coalesce(o.last_accessed_on, o.created_on), rc.as_of) AS idle_days
    FROM lake.object_inventory AS o, ops.run_context AS rc
)
SELECT bucket, prefix,
       sum(CASE WHEN size_bytes >= 131072 AND idle_days >= 30 AND idle_days < 180 THEN size_bytes ELSE 0 END) AS to_infrequent_bytes,
       sum(CASE WHEN size_bytes >= 131072 AND idle_days >= 180 THEN size_bytes ELSE 0 END)                    AS to_archive_bytes
FROM objects
GROUP BY bucket, prefix
ORDER BY bucket, prefix;
