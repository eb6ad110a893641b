-- Wrong: reads only the grants and forgets acl.analysts, so an analyst who has left the
-- company keeps seeing everything their old grant covered.
SELECT DISTINCT g.analyst, o.order_id
FROM acl.region_grants AS g
CROSS JOIN ops.run_context AS rc
JOIN sales.orders AS o ON g.region = '*' OR g.region = o.region
WHERE g.granted_on <= rc.as_of
  AND (g.expires_on IS NULL OR rc.as_of < g.expires_on)
  AND NOT EXISTS (
      SELECT 1 FROM acl.deny_rules AS d
      WHERE (d.analyst IS NULL OR d.analyst = g.analyst)
        AND (d.region  IS NULL OR d.region  = o.region)
        AND (d.country IS NULL OR d.country = o.country)
  )
ORDER BY g.analyst, o.order_id;
