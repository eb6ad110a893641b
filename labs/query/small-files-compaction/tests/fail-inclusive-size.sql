-- Wrong: a file of exactly 64 MiB is the target size, not a small file; "<=" counts it.
WITH files AS (
    SELECT DISTINCT table_name, partition_date, file_path, size_bytes
    FROM lake.table_files WHERE size_bytes > 0
)
SELECT table_name, partition_date,
       count(*) AS data_files,
       count(*) FILTER (WHERE size_bytes <= 64 * 1024 * 1024) AS small_files,
       round(avg(size_bytes) / (1024 * 1024), 1) AS avg_file_mib
FROM files
GROUP BY table_name, partition_date
HAVING count(*) FILTER (WHERE size_bytes <= 64 * 1024 * 1024) >= 4
ORDER BY small_files DESC, table_name, partition_date;
