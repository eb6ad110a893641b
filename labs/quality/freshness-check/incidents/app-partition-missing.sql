-- A backfill dropped the 'app' partition of web.events and the reload never ran:
-- there is not a single 'app' row left.
DELETE FROM web.events WHERE source = 'app';
