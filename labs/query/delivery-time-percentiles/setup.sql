-- Visible dataset: parcels handed to carriers and, when known, delivered.
CREATE SCHEMA logistics;

CREATE TABLE logistics.shipments (
    shipment_id   INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL,
    carrier       VARCHAR NOT NULL,
    shipped_at    TIMESTAMP NOT NULL,
    delivered_at  TIMESTAMP            -- NULL while the parcel is still on its way
);

INSERT INTO logistics.shipments VALUES
    -- DHL: 20, 24, 26, 30, 48, 72 hours
    (1,  9001, 'DHL',      TIMESTAMP '2024-05-02 08:00:00', TIMESTAMP '2024-05-03 04:00:00'),
    (2,  9002, 'DHL',      TIMESTAMP '2024-05-02 09:00:00', TIMESTAMP '2024-05-03 09:00:00'),
    (3,  9003, 'DHL',      TIMESTAMP '2024-05-03 10:00:00', TIMESTAMP '2024-05-04 12:00:00'),
    (4,  9004, 'DHL',      TIMESTAMP '2024-05-03 11:00:00', TIMESTAMP '2024-05-04 17:00:00'),
    (5,  9005, 'DHL',      TIMESTAMP '2024-05-04 07:30:00', TIMESTAMP '2024-05-06 07:30:00'),
    (6,  9006, 'DHL',      TIMESTAMP '2024-05-04 15:00:00', TIMESTAMP '2024-05-07 15:00:00'),
    -- UPS: 18, 22, 22, 40, 96 hours, one parcel on its way, one scanner clock error
    (7,  9007, 'UPS',      TIMESTAMP '2024-05-02 06:00:00', TIMESTAMP '2024-05-03 00:00:00'),
    (8,  9008, 'UPS',      TIMESTAMP '2024-05-02 12:00:00', TIMESTAMP '2024-05-03 10:00:00'),
    (9,  9009, 'UPS',      TIMESTAMP '2024-05-03 12:00:00', TIMESTAMP '2024-05-04 10:00:00'),
    (10, 9010, 'UPS',      TIMESTAMP '2024-05-03 18:00:00', TIMESTAMP '2024-05-05 10:00:00'),
    (11, 9011, 'UPS',      TIMESTAMP '2024-05-04 09:00:00', TIMESTAMP '2024-05-08 09:00:00'),
    (12, 9012, 'UPS',      TIMESTAMP '2024-05-06 09:00:00', NULL),
    (13, 9013, 'UPS',      TIMESTAMP '2024-05-06 10:00:00', TIMESTAMP '2024-05-06 08:00:00'),
    -- PostNL: 36.5, 50, 61.25, 70, 90.75, 110, 130, 200 hours
    (14, 9014, 'PostNL',   TIMESTAMP '2024-05-01 10:00:00', TIMESTAMP '2024-05-02 22:30:00'),
    (15, 9015, 'PostNL',   TIMESTAMP '2024-05-01 12:00:00', TIMESTAMP '2024-05-03 14:00:00'),
    (16, 9016, 'PostNL',   TIMESTAMP '2024-05-02 08:00:00', TIMESTAMP '2024-05-04 21:15:00'),
    (17, 9017, 'PostNL',   TIMESTAMP '2024-05-02 09:00:00', TIMESTAMP '2024-05-05 07:00:00'),
    (18, 9018, 'PostNL',   TIMESTAMP '2024-05-03 08:00:00', TIMESTAMP '2024-05-07 02:45:00'),
    (19, 9019, 'PostNL',   TIMESTAMP '2024-05-03 10:00:00', TIMESTAMP '2024-05-08 00:00:00'),
    (20, 9020, 'PostNL',   TIMESTAMP '2024-05-04 10:00:00', TIMESTAMP '2024-05-09 20:00:00'),
    (21, 9021, 'PostNL',   TIMESTAMP '2024-05-04 11:00:00', TIMESTAMP '2024-05-12 19:00:00'),
    -- FastShip: one delivery of 12 hours, two parcels on their way
    (22, 9022, 'FastShip', TIMESTAMP '2024-05-05 06:00:00', TIMESTAMP '2024-05-05 18:00:00'),
    (23, 9023, 'FastShip', TIMESTAMP '2024-05-06 06:00:00', NULL),
    (24, 9024, 'FastShip', TIMESTAMP '2024-05-06 07:00:00', NULL),
    -- Parcelo: nothing delivered yet
    (25, 9025, 'Parcelo',  TIMESTAMP '2024-05-06 08:00:00', NULL);
