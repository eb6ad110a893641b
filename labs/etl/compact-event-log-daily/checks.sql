-- check: lake.events_daily holds an event_id more than once
SELECT event_id FROM lake.events_daily GROUP BY event_id HAVING count(*) > 1;

-- check: a row of lake.events_daily sits in a day other than the date of its event_ts
SELECT event_id FROM lake.events_daily WHERE event_date <> CAST(event_ts AS DATE);
