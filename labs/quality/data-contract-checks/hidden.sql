-- Hidden clean dataset: contract v1.1 adds JPY and the producer starts sending it in a new
-- batch; payment ids have crossed the 32-bit range; the oldest batch left the landing table.
INSERT INTO contract.enum_values VALUES ('currency', 'JPY');

DELETE FROM landing.payments WHERE _batch_id = 1;

INSERT INTO landing.payments VALUES
    ('4294967301', '300950', '1200',    'JPY', 'captured',   '2024-06-03 14:05:00', NULL,             7, TIMESTAMP '2024-06-03 15:00:00'),
    ('4294967302', '300953', '88.10',   'USD', 'refunded',   '2024-06-03 14:09:30', 'wrong size',     7, TIMESTAMP '2024-06-03 15:00:00'),
    ('4294967303', '300956', '15.00',   'EUR', 'authorized', NULL,                  '',               7, TIMESTAMP '2024-06-03 15:00:00'),
    ('4294967304', '300959', '54000',   'KRW', 'failed',     NULL,                  NULL,             7, TIMESTAMP '2024-06-03 15:00:00'),
    ('4294967305', '300962', '980',     'JPY', 'captured',   '2024-06-03 14:31:00', 'no bag needed',  7, TIMESTAMP '2024-06-03 15:00:00'),
    ('4294967306', '300965', '1999.99', 'USD', 'captured',   '2024-06-03 14:44:12', NULL,             7, TIMESTAMP '2024-06-03 15:00:00'),
    ('4294967307', '9007199254740993', '7.50', 'EUR', 'captured', '2024-06-03 14:50:00', NULL,        7, TIMESTAMP '2024-06-03 15:00:00');
