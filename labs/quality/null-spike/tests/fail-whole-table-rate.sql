-- Watches the NULL rate of the whole table instead of the judged day: one bad day is diluted
-- by all the healthy ones and stays under 20%.
SELECT 'email' FROM shop.signups HAVING 1.0 - count(email) / count(*) > 0.20;
SELECT 'country' FROM shop.signups HAVING 1.0 - count(country) / count(*) > 0.20;
