-- A helpdesk upgrade changed how quoted replies are stored, and the scrubber no longer recognised
-- them: on the newest day of data, every email-channel ticket carries the customer's raw address.
UPDATE analytics.support_tickets
SET message = message || ' -- reply from c' || CAST(ticket_id AS VARCHAR) || '.kim@mailbox-kr.net'
WHERE channel = 'email'
  AND CAST(created_at AS DATE) = (SELECT max(CAST(created_at AS DATE)) FROM analytics.support_tickets);
