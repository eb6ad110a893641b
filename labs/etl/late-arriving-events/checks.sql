-- check: agg.daily_events has two rows for the same day and event type
-- check.ko: agg.daily_events에 같은 날짜와 이벤트 유형의 행이 두 개 있습니다
SELECT event_date, event_type FROM agg.daily_events
GROUP BY event_date, event_type
HAVING count(*) > 1;

-- check: agg.daily_events has a NULL key or measure
-- check.ko: agg.daily_events에 NULL인 키나 측정값이 있습니다
SELECT * FROM agg.daily_events
WHERE event_date IS NULL OR event_type IS NULL
   OR event_count IS NULL OR unique_users IS NULL OR revenue IS NULL;
