-- Reference: find the days touched by events ingested since the last run, rebuild exactly those
-- days from raw.events (one row per event_id), leave every other day alone, then move the watermark.
CREATE OR REPLACE TABLE etl.affected_days AS
SELECT DISTINCT CAST(event_ts AS DATE) AS event_date
FROM raw.events
WHERE ingested_at > (SELECT last_ingested_at FROM etl.job_state WHERE job = 'daily_events');

DELETE FROM agg.daily_events
WHERE event_date IN (SELECT event_date FROM etl.affected_days);

INSERT INTO agg.daily_events
SELECT CAST(event_ts AS DATE) AS event_date,
       event_type,
       count(*)                 AS event_count,
       count(DISTINCT user_id)  AS unique_users,
       coalesce(sum(amount), 0) AS revenue
FROM (
    SELECT *
    FROM raw.events
    WHERE CAST(event_ts AS DATE) IN (SELECT event_date FROM etl.affected_days)
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ingested_at) = 1
) AS e
GROUP BY CAST(event_ts AS DATE), event_type;

UPDATE etl.job_state
SET last_ingested_at = (SELECT max(ingested_at) FROM raw.events)
WHERE job = 'daily_events'
  AND (SELECT max(ingested_at) FROM raw.events) > last_ingested_at;
