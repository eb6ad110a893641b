-- Wrong: measures idle time from last_accessed_on only. Objects that were never read have a NULL
-- there, so their idle days are NULL, no rule matches, and the oldest, coldest data never moves.
SELECT
    o.bucket,
    CASE WHEN strpos(o.object_key, '/') = 0 THEN '(root)' ELSE split_part(o.object_key, '/', 1) END AS prefix,
    sum(CASE WHEN o.size_bytes >= 131072 AND o.storage_class = 'STANDARD'
              AND date_diff('day', o.last_accessed_on, rc.as_of) BETWEEN 30 AND 179
             THEN o.size_bytes ELSE 0 END) AS to_infrequent_bytes,
    sum(CASE WHEN o.size_bytes >= 131072 AND o.storage_class IN ('STANDARD', 'INFREQUENT')
              AND date_diff('day', o.last_accessed_on, rc.as_of) >= 180
             THEN o.size_bytes ELSE 0 END) AS to_archive_bytes
FROM lake.object_inventory AS o
CROSS JOIN ops.run_context AS rc
GROUP BY 1, 2
ORDER BY 1, 2;
