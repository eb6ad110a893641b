-- Hidden dataset: new readings after the visible ones (a fault, a first battery report from
-- a device that never sent one, a new correction), a buffered old reading stored last, a
-- newest reading withdrawn as invalid, and a device that reported only once.
INSERT INTO fleet.readings VALUES
    (30001, 5,   TIMESTAMP '2024-09-03 02:00:00', 'fault', NULL, NULL),
    (30002, 40,  TIMESTAMP '2024-09-03 02:00:00', 'ok',    12.5, 88),
    (30003, 30,  TIMESTAMP '2024-09-03 02:10:00', 'ok',    18.0, NULL),
    (30004, 30,  TIMESTAMP '2024-09-03 02:10:00', 'warn',  26.0, 61),   -- correction, stored later: wins
    (30005, 8,   TIMESTAMP '2024-09-02 03:00:00', 'warn',  29.0, 12),   -- buffered: taken early, stored last
    (30006, 241, TIMESTAMP '2024-09-03 01:00:00', 'ok',    20.0, NULL); -- a new device, one reading

-- The newest reading of device 14 is withdrawn; its previous one becomes the newest.
DELETE FROM fleet.readings
WHERE device_id = 14
  AND read_at = (SELECT max(read_at) FROM fleet.readings WHERE device_id = 14);
