-- Also correct: one pass with SUM(CASE ... ELSE 0 END), the idle days computed by subtracting
-- dates, and the prefix taken with a regular expression.
SELECT
    o.bucket,
    CASE WHEN o.object_key LIKE '%/%' THEN regexp_extract(o.object_key, '^([^/]*)/', 1) ELSE '(root)' END AS prefix,
    sum(CASE
            WHEN o.size_bytes >= 131072
             AND o.storage_class = 'STANDARD'
             AND rc.as_of - coalesce(o.last_accessed_on, o.created_on) >= 30
             AND rc.as_of - coalesce(o.last_accessed_on, o.created_on) < 180
            THEN o.size_bytes ELSE 0
        END) AS to_infrequent_bytes,
    sum(CASE
            WHEN o.size_bytes >= 131072
             AND o.storage_class <> 'ARCHIVE'
             AND rc.as_of - coalesce(o.last_accessed_on, o.created_on) >= 180
            THEN o.size_bytes ELSE 0
        END) AS to_archive_bytes
FROM lake.object_inventory AS o
CROSS JOIN ops.run_context AS rc
GROUP BY o.bucket, prefix
ORDER BY o.bucket, prefix;
