-- Wrong: without DISTINCT, an analyst with two overlapping grants (a renewal, or '*' plus a
-- region) gets every order of the overlap twice.
SELECT a.analyst, o.order_id
FROM acl.analysts AS a
JOIN acl.region_grants AS g ON g.analyst = a.analyst
CROSS JOIN ops.run_context AS rc
JOIN sales.orders AS o ON g.region = '*' OR g.region = o.region
WHERE a.active
  AND g.granted_on <= rc.as_of
  AND (g.expires_on IS NULL OR rc.as_of < g.expires_on)
  AND NOT EXISTS (
      SELECT 1 FROM acl.deny_rules AS d
      WHERE (d.analyst IS NULL OR d.analyst = a.analyst)
        AND (d.region  IS NULL OR d.region  = o.region)
        AND (d.country IS NULL OR d.country = o.country)
  )
ORDER BY a.analyst, o.order_id;
