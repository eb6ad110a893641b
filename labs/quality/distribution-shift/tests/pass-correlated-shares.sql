-- Another correct formulation: the mean as a ratio, and each device's share computed with
-- correlated subqueries over the set of devices seen in either period.
WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context)
SELECT 'mean amount shift'
FROM p
WHERE abs(
        (SELECT avg(amount_eur) FROM shop.orders WHERE order_ts >= p.d AND order_ts < p.d + 1)
      / (SELECT avg(amount_eur) FROM shop.orders WHERE order_ts >= p.d - 7 AND order_ts < p.d)
      - 1) > 0.30;

WITH p AS (SELECT CAST(as_of AS DATE) - 1 AS d FROM ops.run_context),
devices AS (
    SELECT DISTINCT o.device
    FROM shop.orders AS o, p
    WHERE o.order_ts >= p.d - 7 AND o.order_ts < p.d + 1
)
SELECT v.device
FROM devices AS v, p
WHERE abs(
        (SELECT avg(CASE WHEN o.device = v.device THEN 1.0 ELSE 0.0 END)
         FROM shop.orders AS o WHERE o.order_ts >= p.d AND o.order_ts < p.d + 1)
      - (SELECT avg(CASE WHEN o.device = v.device THEN 1.0 ELSE 0.0 END)
         FROM shop.orders AS o WHERE o.order_ts >= p.d - 7 AND o.order_ts < p.d)
      ) > 0.20;
