-- Visible dataset: support tickets copied nightly from the helpdesk into the analytics warehouse.
-- The export job scrubs personal data on the way: emails become [email], phone numbers keep only
-- their last four digits, and the customer is a pseudonymous token.
CREATE SCHEMA analytics;

CREATE TABLE analytics.support_tickets (
    ticket_id       INTEGER   NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    channel         VARCHAR   NOT NULL,   -- email, chat, phone, social
    customer_token  VARCHAR   NOT NULL,
    contact_phone   VARCHAR,              -- masked as ***-****-1234; NULL when none was given
    subject         VARCHAR   NOT NULL,
    message         VARCHAR   NOT NULL
);

INSERT INTO analytics.support_tickets
SELECT
    7000 + i,
    ts,
    ['email', 'chat', 'phone', 'social'][1 + i % 4],
    'cus_' || lower(lpad(to_hex(CAST(104729 + i * 7919 AS BIGINT)), 8, '0')),
    CASE WHEN i % 5 = 0 THEN NULL
         ELSE '***-****-' || lpad(CAST((i * 4111) % 10000 AS VARCHAR), 4, '0') END,
    [ 'Order ' || ref,
      'App crashes on the cart page',
      'Charged twice',
      'Refund status for ' || ref,
      'Change of delivery address',
      'Parcel not moving',
      'Delete my account',
      'Coupon rejected' ][1 + i % 8],
    [ 'Hi, my order ' || ref || ' has not arrived yet. Please answer to [email].',
      'The app closes every time I open the cart. Screenshots were sent from [email].',
      'I was charged twice, 45,000 KRW each time, on ' || strftime(ts, '%Y-%m-%d') || '. Please call me back.',
      'Found you via @shop_help: the refund for ' || ref || ' is still pending after 10 days.',
      'Can I change the delivery address of ' || ref || '? I gave the new one on the phone.',
      'Tracking number 6012-3456-' || lpad(CAST(i * 37 % 10000 AS VARCHAR), 4, '0') || ' shows no movement since Monday.',
      'Please delete my account and all my data. Confirmation to [email], thanks.',
      'Coupon SPRING-2024 is rejected at checkout for ' || ref || '. Ping @shop_help if needed.' ][1 + i % 8]
FROM (
    SELECT i,
           TIMESTAMP '2024-03-11 08:00:00' + i * INTERVAL 97 MINUTES AS ts,
           'ORD-' || strftime(TIMESTAMP '2024-03-11 08:00:00' + i * INTERVAL 97 MINUTES - INTERVAL 2 DAYS, '%Y%m%d')
                 || '-' || lpad(CAST((i * 733331) % 10000000 AS VARCHAR), 7, '0') AS ref
    FROM range(0, 60) AS t(i)
) AS g;
