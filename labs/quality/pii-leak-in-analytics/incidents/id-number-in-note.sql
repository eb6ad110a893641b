-- An agent verified a caller's identity and pasted their resident registration number into the
-- ticket. It is the newest phone-channel ticket.
UPDATE analytics.support_tickets
SET message = message || ' Identity checked against 850214-2345678, OK.'
WHERE ticket_id = (SELECT max(ticket_id) FROM analytics.support_tickets WHERE channel = 'phone');
