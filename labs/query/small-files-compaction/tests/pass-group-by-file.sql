-- Correct too: collapse the listing to one row per file with GROUP BY, then count with SUM(CASE).
WITH files AS (
    SELECT table_name, partition_date, file_path, max(size_bytes) AS size_bytes
    FROM lake.table_files
    WHERE size_bytes <> 0
    GROUP BY table_name, partition_date, file_path
),
per_partition AS (
    SELECT table_name, partition_date,
           count(*) AS data_files,
           sum(CASE WHEN size_bytes < 67108864 THEN 1 ELSE 0 END) AS small_files,
           round(sum(size_bytes) / count(*) / 1048576.0, 1) AS avg_file_mib
    FROM files
    GROUP BY ALL
)
SELECT * FROM per_partition
WHERE small_files >= 4
ORDER BY small_files DESC, table_name, partition_date NULLS LAST;
