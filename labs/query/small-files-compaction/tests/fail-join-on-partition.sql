-- Wrong: computes the totals and the small-file counts in two CTEs and joins them on
-- partition_date with "=". NULL = NULL is not true, so the unpartitioned table vanishes.
WITH files AS (
    SELECT DISTINCT table_name, partition_date, file_path, size_bytes
    FROM lake.table_files WHERE size_bytes > 0
),
totals AS (
    SELECT table_name, partition_date, count(*) AS data_files, avg(size_bytes) AS avg_size
    FROM files GROUP BY table_name, partition_date
),
small AS (
    SELECT table_name, partition_date, count(*) AS small_files
    FROM files WHERE size_bytes < 64 * 1024 * 1024
    GROUP BY table_name, partition_date
)
SELECT t.table_name, t.partition_date, t.data_files, s.small_files,
       round(t.avg_size / (1024 * 1024), 1) AS avg_file_mib
FROM totals AS t
JOIN small AS s ON s.table_name = t.table_name AND s.partition_date = t.partition_date
WHERE s.small_files >= 4
ORDER BY s.small_files DESC, t.table_name, t.partition_date;
