-- The chat widget started to prefill the ticket subject with the visitor's login, which is their
-- email address. The scrubber only cleans the message body, so the newest chat ticket leaks it.
UPDATE analytics.support_tickets
SET subject = 'Chat from jisoo.park' || CAST(ticket_id AS VARCHAR) || '@gmail.com'
WHERE ticket_id = (SELECT max(ticket_id) FROM analytics.support_tickets WHERE channel = 'chat');
