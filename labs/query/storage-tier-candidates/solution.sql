-- Reference: work out each object's idle days and target tier, then add up per bucket and prefix.
-- Every prefix of the inventory stays in the result, with 0 where nothing moves.
WITH objects AS (
    SELECT
        o.bucket,
        CASE WHEN strpos(o.object_key, '/') = 0 THEN '(root)'
             ELSE split_part(o.object_key, '/', 1)
        END AS prefix,
        o.size_bytes,
        o.storage_class,
        date_diff('day', coalesce(o.last_accessed_on, o.created_on), rc.as_of) AS idle_days
    FROM lake.object_inventory AS o
    CROSS JOIN ops.run_context AS rc
),
targets AS (
    SELECT
        bucket, prefix, size_bytes,
        CASE
            WHEN size_bytes < 131072                                    THEN NULL
            WHEN storage_class IN ('STANDARD', 'INFREQUENT') AND idle_days >= 180 THEN 'ARCHIVE'
            WHEN storage_class = 'STANDARD' AND idle_days >= 30         THEN 'INFREQUENT'
        END AS move_to
    FROM objects
)
SELECT
    bucket,
    prefix,
    coalesce(sum(size_bytes) FILTER (WHERE move_to = 'INFREQUENT'), 0) AS to_infrequent_bytes,
    coalesce(sum(size_bytes) FILTER (WHERE move_to = 'ARCHIVE'), 0)    AS to_archive_bytes
FROM targets
GROUP BY bucket, prefix
ORDER BY bucket, prefix;
