-- check: agg.daily_events has two rows for the same day and event type
SELECT event_date, event_type FROM agg.daily_events
GROUP BY event_date, event_type
HAVING count(*) > 1;

-- check: agg.daily_events has a NULL key or measure
SELECT * FROM agg.daily_events
WHERE event_date IS NULL OR event_type IS NULL
   OR event_count IS NULL OR unique_users IS NULL OR revenue IS NULL;
