-- Wrong: 64 MiB is 64 * 1024 * 1024 = 67,108,864 bytes, not 64,000,000. A file of 65,000,000
-- bytes is small, and this query misses it.
WITH files AS (
    SELECT DISTINCT table_name, partition_date, file_path, size_bytes
    FROM lake.table_files WHERE size_bytes > 0
)
SELECT table_name, partition_date,
       count(*) AS data_files,
       count(*) FILTER (WHERE size_bytes < 64000000) AS small_files,
       round(avg(size_bytes) / (1024 * 1024), 1) AS avg_file_mib
FROM files
GROUP BY table_name, partition_date
HAVING count(*) FILTER (WHERE size_bytes < 64000000) >= 4
ORDER BY small_files DESC, table_name, partition_date;
