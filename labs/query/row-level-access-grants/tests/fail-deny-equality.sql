-- Wrong: matches deny rules with plain equality. A NULL in a rule is meant as "any", but
-- NULL = x is never true, so the rule for everyone and the region-wide rule never match.
SELECT DISTINCT a.analyst, o.order_id
FROM acl.analysts AS a
JOIN acl.region_grants AS g ON g.analyst = a.analyst
CROSS JOIN ops.run_context AS rc
JOIN sales.orders AS o ON g.region = '*' OR g.region = o.region
WHERE a.active
  AND g.granted_on <= rc.as_of
  AND (g.expires_on IS NULL OR rc.as_of < g.expires_on)
  AND NOT EXISTS (
      SELECT 1 FROM acl.deny_rules AS d
      WHERE d.analyst = a.analyst AND d.region = o.region AND d.country = o.country
  )
ORDER BY a.analyst, o.order_id;
