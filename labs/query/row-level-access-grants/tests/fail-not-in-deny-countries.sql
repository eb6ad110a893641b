-- Wrong: filters with NOT IN over the analyst's denied countries. A region-wide rule has a
-- NULL country, which makes "country NOT IN (..., NULL)" never true: ana sees nothing at all.
-- And rules for everyone (analyst NULL) are not picked up.
SELECT DISTINCT a.analyst, o.order_id
FROM acl.analysts AS a
JOIN acl.region_grants AS g ON g.analyst = a.analyst
CROSS JOIN ops.run_context AS rc
JOIN sales.orders AS o ON g.region = '*' OR g.region = o.region
WHERE a.active
  AND g.granted_on <= rc.as_of
  AND (g.expires_on IS NULL OR rc.as_of < g.expires_on)
  AND o.country NOT IN (SELECT d.country FROM acl.deny_rules AS d WHERE d.analyst = a.analyst)
ORDER BY a.analyst, o.order_id;
