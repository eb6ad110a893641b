-- Hidden dataset: events removed from the middle of sessions, a user with a single event,
-- events exactly 30 minutes and 30 minutes + 1 second after a user's last event, exact duplicates
-- of timestamps, and a block of extra users.
DELETE FROM web.events
WHERE user_id IN (3, 17, 29) AND event_id % 5 = 0;

INSERT INTO web.events VALUES
    (5001, 41, TIMESTAMP '2024-06-02 12:00:00', 'home');

INSERT INTO web.events
SELECT 5002, 7, max(event_ts) + INTERVAL 30 MINUTE, 'home' FROM web.events WHERE user_id = 7;
INSERT INTO web.events
SELECT 5003, 7, max(event_ts) + INTERVAL 30 MINUTE, 'search' FROM web.events WHERE user_id = 7;
INSERT INTO web.events
SELECT 5004, 12, max(event_ts) + INTERVAL 1801 SECOND, 'home' FROM web.events WHERE user_id = 12;
INSERT INTO web.events
SELECT 10000 + event_id, user_id, event_ts, 'product'
FROM web.events WHERE user_id = 20 AND event_id % 7 = 0;

INSERT INTO web.events
SELECT 6000 + i,
       CAST(42 + i % 3 AS INTEGER),
       TIMESTAMP '2024-06-03 08:00:00' + to_seconds(CAST((i // 3) * (600 + (i % 3) * 700) AS BIGINT)),
       'product'
FROM range(0, 60) AS t(i);
