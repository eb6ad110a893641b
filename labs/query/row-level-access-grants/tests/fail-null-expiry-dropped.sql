-- Wrong: "rc.as_of < g.expires_on" is NULL, not true, for a grant that never expires, so
-- every permanent grant is lost.
SELECT DISTINCT a.analyst, o.order_id
FROM acl.analysts AS a
JOIN acl.region_grants AS g ON g.analyst = a.analyst
CROSS JOIN ops.run_context AS rc
JOIN sales.orders AS o ON g.region = '*' OR g.region = o.region
WHERE a.active
  AND rc.as_of BETWEEN g.granted_on AND g.expires_on - 1
  AND NOT EXISTS (
      SELECT 1 FROM acl.deny_rules AS d
      WHERE (d.analyst IS NULL OR d.analyst = a.analyst)
        AND (d.region  IS NULL OR d.region  = o.region)
        AND (d.country IS NULL OR d.country = o.country)
  )
ORDER BY a.analyst, o.order_id;
