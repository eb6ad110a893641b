-- Wrong: counts manifest rows instead of files. A file listed twice by a retried listing counts
-- twice, and pushes a partition with three small files over the threshold.
SELECT table_name,
       partition_date,
       count(*)                                              AS data_files,
       count(*) FILTER (WHERE size_bytes < 64 * 1024 * 1024) AS small_files,
       round(avg(size_bytes) / (1024 * 1024), 1)             AS avg_file_mib
FROM lake.table_files
WHERE size_bytes > 0
GROUP BY table_name, partition_date
HAVING count(*) FILTER (WHERE size_bytes < 64 * 1024 * 1024) >= 4
ORDER BY small_files DESC, table_name, partition_date;
