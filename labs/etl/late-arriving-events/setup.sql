-- Visible dataset: web-shop click events aggregated per day, with events that arrive days late.
CREATE SCHEMA raw;
CREATE SCHEMA agg;
CREATE SCHEMA etl;

-- Events as ingested. The app retries uploads, so one event_id can be ingested more than once
-- (identical payload, different ingested_at). Phones that were offline upload their events days later.
CREATE TABLE raw.events (
    event_id     VARCHAR,
    user_id      INTEGER,
    event_type   VARCHAR,          -- page_view, add_to_cart, purchase
    event_ts     TIMESTAMP,        -- when it happened (UTC)
    amount       DECIMAL(10, 2),   -- purchases only, NULL otherwise
    ingested_at  TIMESTAMP         -- when the warehouse received it (batches at 02:00 and 14:00 UTC)
);

INSERT INTO raw.events VALUES
    -- 1 June
    ('e0101', 1, 'page_view',   TIMESTAMP '2024-06-01 08:10:00', NULL,  TIMESTAMP '2024-06-01 14:00:00'),
    ('e0102', 1, 'purchase',    TIMESTAMP '2024-06-01 08:20:00', 25.00, TIMESTAMP '2024-06-01 14:00:00'),
    ('e0103', 2, 'page_view',   TIMESTAMP '2024-06-01 15:00:00', NULL,  TIMESTAMP '2024-06-02 02:00:00'),
    ('e0104', 3, 'page_view',   TIMESTAMP '2024-06-01 21:30:00', NULL,  TIMESTAMP '2024-06-02 02:00:00'),
    ('e0105', 3, 'add_to_cart', TIMESTAMP '2024-06-01 21:35:00', NULL,  TIMESTAMP '2024-06-02 02:00:00'),
    -- 2 June
    ('e0201', 2, 'page_view',   TIMESTAMP '2024-06-02 09:00:00', NULL,  TIMESTAMP '2024-06-02 14:00:00'),
    ('e0202', 2, 'purchase',    TIMESTAMP '2024-06-02 09:05:00', 40.00, TIMESTAMP '2024-06-02 14:00:00'),
    ('e0203', 4, 'page_view',   TIMESTAMP '2024-06-02 19:00:00', NULL,  TIMESTAMP '2024-06-03 02:00:00'),
    ('e0204', 4, 'add_to_cart', TIMESTAMP '2024-06-02 19:10:00', NULL,  TIMESTAMP '2024-06-03 02:00:00'),
    ('e0205', 5, 'page_view',   TIMESTAMP '2024-06-02 23:59:59', NULL,  TIMESTAMP '2024-06-03 02:00:00'),
    -- 3 June
    ('e0301', 1, 'page_view',   TIMESTAMP '2024-06-03 07:00:00', NULL,  TIMESTAMP '2024-06-03 14:00:00'),
    ('e0302', 6, 'page_view',   TIMESTAMP '2024-06-03 10:00:00', NULL,  TIMESTAMP '2024-06-03 14:00:00'),
    ('e0303', 6, 'purchase',    TIMESTAMP '2024-06-03 10:15:00', 18.50, TIMESTAMP '2024-06-03 14:00:00'),
    ('e0303', 6, 'purchase',    TIMESTAMP '2024-06-03 10:15:00', 18.50, TIMESTAMP '2024-06-04 02:00:00'),  -- retry
    ('e0304', 2, 'page_view',   TIMESTAMP '2024-06-03 16:00:00', NULL,  TIMESTAMP '2024-06-04 02:00:00'),
    ('e0305', 1, 'add_to_cart', TIMESTAMP '2024-06-03 22:00:00', NULL,  TIMESTAMP '2024-06-04 02:00:00'),
    -- 4 June
    ('e0401', 3, 'page_view',   TIMESTAMP '2024-06-04 00:00:00', NULL,  TIMESTAMP '2024-06-04 02:00:00'),
    ('e0402', 5, 'page_view',   TIMESTAMP '2024-06-04 08:30:00', NULL,  TIMESTAMP '2024-06-04 14:00:00'),
    ('e0403', 5, 'add_to_cart', TIMESTAMP '2024-06-04 08:35:00', NULL,  TIMESTAMP '2024-06-04 14:00:00'),
    ('e0404', 5, 'purchase',    TIMESTAMP '2024-06-04 08:40:00', 33.90, TIMESTAMP '2024-06-04 14:00:00'),
    ('e0405', 8, 'page_view',   TIMESTAMP '2024-06-04 18:00:00', NULL,  TIMESTAMP '2024-06-05 02:00:00'),
    ('e0406', 2, 'page_view',   TIMESTAMP '2024-06-04 20:00:00', NULL,  TIMESTAMP '2024-06-05 02:00:00'),
    -- 5 June, first batch
    ('e0501', 4, 'page_view',   TIMESTAMP '2024-06-05 01:00:00', NULL,  TIMESTAMP '2024-06-05 02:00:00');

-- Daily aggregates as the previous runs left them. Computed here from every event the job has seen
-- (ingested up to and including 2024-06-05 02:00:00), counting each event_id once.
CREATE TABLE agg.daily_events (
    event_date    DATE,
    event_type    VARCHAR,
    event_count   BIGINT,
    unique_users  BIGINT,
    revenue       DECIMAL(12, 2)
);

INSERT INTO agg.daily_events
SELECT CAST(event_ts AS DATE), event_type, count(*), count(DISTINCT user_id), coalesce(sum(amount), 0)
FROM (SELECT DISTINCT event_id, user_id, event_type, event_ts, amount
      FROM raw.events
      WHERE ingested_at <= TIMESTAMP '2024-06-05 02:00:00')
GROUP BY ALL;

-- Retention: ingestion batches received before 3 June have been purged from raw.events.
-- Their events survive only in the aggregates.
DELETE FROM raw.events WHERE ingested_at < TIMESTAMP '2024-06-03 00:00:00';

-- New arrivals since the last run.
INSERT INTO raw.events VALUES
    -- 14:00 batch on 5 June: a phone that was offline on 3 June, a retry, normal traffic
    ('e0307', 7, 'page_view',   TIMESTAMP '2024-06-03 12:20:00', NULL,  TIMESTAMP '2024-06-05 14:00:00'),
    ('e0306', 7, 'purchase',    TIMESTAMP '2024-06-03 12:30:00', 60.00, TIMESTAMP '2024-06-05 14:00:00'),
    ('e0404', 5, 'purchase',    TIMESTAMP '2024-06-04 08:40:00', 33.90, TIMESTAMP '2024-06-05 14:00:00'),  -- retry
    ('e0407', 8, 'add_to_cart', TIMESTAMP '2024-06-04 18:05:00', NULL,  TIMESTAMP '2024-06-05 14:00:00'),
    ('e0502', 6, 'page_view',   TIMESTAMP '2024-06-05 09:00:00', NULL,  TIMESTAMP '2024-06-05 14:00:00'),
    ('e0503', 6, 'purchase',    TIMESTAMP '2024-06-05 09:10:00', 12.00, TIMESTAMP '2024-06-05 14:00:00'),
    -- 02:00 batch on 6 June
    ('e0408', 2, 'page_view',   TIMESTAMP '2024-06-04 20:01:00', NULL,  TIMESTAMP '2024-06-06 02:00:00'),
    ('e0504', 1, 'page_view',   TIMESTAMP '2024-06-05 20:00:00', NULL,  TIMESTAMP '2024-06-06 02:00:00'),
    ('e0505', 1, 'purchase',    TIMESTAMP '2024-06-05 20:05:00', 99.99, TIMESTAMP '2024-06-06 02:00:00');

-- How far the aggregation job has read raw.events.
CREATE TABLE etl.job_state (
    job               VARCHAR,
    last_ingested_at  TIMESTAMP
);

INSERT INTO etl.job_state VALUES
    ('daily_events',   TIMESTAMP '2024-06-05 02:00:00'),
    ('session_rollup', TIMESTAMP '2024-06-04 14:00:00');
