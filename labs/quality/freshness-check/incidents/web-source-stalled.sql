-- The 'web' connector lost its credentials at 08:00: nothing from the web site has been loaded
-- since then. The 'app' connector keeps loading, so the table as a whole still looks fresh.
DELETE FROM web.events WHERE source = 'web' AND loaded_at > TIMESTAMP '2024-03-15 08:00:00';
