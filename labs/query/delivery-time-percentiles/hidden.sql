-- Hidden dataset: more deliveries, an instant delivery, a carrier with exactly two
-- deliveries, another clock error, and a parcel that finally arrived.
INSERT INTO logistics.shipments VALUES
    (26, 9026, 'DHL',      TIMESTAMP '2024-05-07 08:00:00', TIMESTAMP '2024-05-07 08:00:00'),
    (27, 9027, 'DHL',      TIMESTAMP '2024-05-07 09:00:00', TIMESTAMP '2024-05-07 08:59:59'),
    (28, 9028, 'Parcelo',  TIMESTAMP '2024-05-07 10:00:00', TIMESTAMP '2024-05-08 11:20:00'),
    (29, 9029, 'Parcelo',  TIMESTAMP '2024-05-07 11:00:00', TIMESTAMP '2024-05-10 05:05:00'),
    (30, 9030, 'PostNL',   TIMESTAMP '2024-05-08 10:00:00', TIMESTAMP '2024-05-09 10:00:00');

UPDATE logistics.shipments SET delivered_at = TIMESTAMP '2024-05-07 02:10:00' WHERE shipment_id = 12;
UPDATE logistics.shipments SET delivered_at = TIMESTAMP '2024-05-14 06:00:00' WHERE shipment_id = 21;
