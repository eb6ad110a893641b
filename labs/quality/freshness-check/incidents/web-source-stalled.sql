-- The 'web' connector lost its credentials 3 hours before the check: nothing from the web site
-- has been loaded since then. The 'app' connector keeps loading, so the table as a whole still
-- looks fresh.
DELETE FROM web.events
WHERE source = 'web'
  AND loaded_at > (SELECT as_of - INTERVAL 3 HOURS FROM ops.run_context);
