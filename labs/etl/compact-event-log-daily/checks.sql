-- check: lake.events_daily holds an event_id more than once
-- check.ko: lake.events_daily에 같은 event_id가 두 번 이상 있습니다
SELECT event_id FROM lake.events_daily GROUP BY event_id HAVING count(*) > 1;

-- check: a row of lake.events_daily sits in a day other than the date of its event_ts
-- check.ko: lake.events_daily의 어떤 행이 event_ts의 날짜가 아닌 다른 날에 들어 있습니다
SELECT event_id FROM lake.events_daily WHERE event_date <> CAST(event_ts AS DATE);
