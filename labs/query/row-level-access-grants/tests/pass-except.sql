-- Correct too: everything granted EXCEPT everything denied. EXCEPT works on sets, so the
-- duplicates from overlapping grants disappear on the way.
WITH rc AS (SELECT as_of FROM ops.run_context),
granted AS (
    SELECT g.analyst, o.order_id
    FROM acl.region_grants AS g
    JOIN acl.analysts AS a ON a.analyst = g.analyst AND a.active
    JOIN sales.orders AS o ON o.region = CASE WHEN g.region = '*' THEN o.region ELSE g.region END
    WHERE g.granted_on <= (SELECT as_of FROM rc)
      AND coalesce(g.expires_on, DATE '9999-12-31') > (SELECT as_of FROM rc)
),
denied AS (
    SELECT a.analyst, o.order_id
    FROM acl.deny_rules AS d
    JOIN acl.analysts AS a ON a.analyst = coalesce(d.analyst, a.analyst)
    JOIN sales.orders AS o
      ON o.region = coalesce(d.region, o.region)
     AND o.country = coalesce(d.country, o.country)
)
SELECT analyst, order_id FROM granted
EXCEPT
SELECT analyst, order_id FROM denied
ORDER BY analyst, order_id;
