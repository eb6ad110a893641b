-- Hidden clean variant: two more days of tickets with other wording, a few tickets deleted on
-- request, and clean text that looks like personal data without being any.
DELETE FROM analytics.support_tickets WHERE ticket_id IN (7003, 7017, 7042);

INSERT INTO analytics.support_tickets
SELECT
    7100 + i,
    ts,
    ['chat', 'email', 'social', 'phone', 'email'][1 + i % 5],
    'cus_' || lower(lpad(to_hex(CAST(300007 + i * 6151 AS BIGINT)), 8, '0')),
    CASE WHEN i % 3 = 0 THEN NULL
         ELSE '***-****-' || lpad(CAST((i * 2713 + 42) % 10000 AS VARCHAR), 4, '0') END,
    [ ref || ' still missing',
      'Invoice looks wrong',
      'Pickup point',
      'Wrong size delivered',
      'Account locked',
      'Bank transfer refund' ][1 + i % 6],
    [ ref || ' still has not arrived, two weeks now.',
      'Invoice number 2024031-' || lpad(CAST(5550000 + i AS VARCHAR), 7, '0') || ' shows the wrong VAT rate.',
      'Meet @ the pickup point at 3pm? Otherwise write to shop_help@ in the app.',
      'Size 42 was ordered, 44 delivered. Exchange for ' || ref,
      'My account is locked after 5 attempts. Reset link to [email] please.',
      'Refund to bank account 110-' || lpad(CAST(100000 + i * 7 AS VARCHAR), 6, '0') || '-12345678, not to the card.' ][1 + i % 6]
FROM (
    SELECT i,
           TIMESTAMP '2024-03-15 09:10:00' + i * INTERVAL 71 MINUTES AS ts,
           'ORD-' || strftime(TIMESTAMP '2024-03-15 09:10:00' + i * INTERVAL 71 MINUTES - INTERVAL 1 DAY, '%Y%m%d')
                 || '-' || lpad(CAST((i * 911117) % 10000000 AS VARCHAR), 7, '0') AS ref
    FROM range(0, 36) AS t(i)
) AS g;
