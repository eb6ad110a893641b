-- Wrong: ranks the differing orders by their signed difference. The biggest shortfalls (orders
-- missing from the warehouse, negative differences) sort last and never make the top three.
WITH days AS (
    SELECT CAST(g.ts AS DATE) AS recon_date
    FROM ops.recon_window AS w, generate_series(w.date_from, w.date_to, INTERVAL 1 DAY) AS g(ts)
),
ledger_orders AS (
    SELECT CAST(captured_at AS DATE) AS recon_date, order_id,
           sum(CASE kind WHEN 'refund' THEN -amount_minor ELSE amount_minor END) AS ledger_cents
    FROM ledger.payments GROUP BY 1, 2
),
dw_orders AS (
    SELECT revenue_date AS recon_date, order_id, CAST(sum(revenue) * 100 AS BIGINT) AS dw_cents
    FROM dw.revenue GROUP BY 1, 2
),
orders AS (
    SELECT coalesce(l.recon_date, d.recon_date) AS recon_date, coalesce(l.order_id, d.order_id) AS order_id,
           coalesce(l.ledger_cents, 0) AS ledger_cents, coalesce(d.dw_cents, 0) AS dw_cents
    FROM ledger_orders AS l FULL JOIN dw_orders AS d ON d.recon_date = l.recon_date AND d.order_id = l.order_id
),
per_day AS (
    SELECT days.recon_date,
           coalesce(sum(o.ledger_cents), 0) AS ledger_cents,
           coalesce(sum(o.dw_cents), 0) AS dw_cents,
           list(o.order_id ORDER BY o.dw_cents - o.ledger_cents DESC, o.order_id)
               FILTER (WHERE o.dw_cents <> o.ledger_cents) AS differing
    FROM days LEFT JOIN orders AS o ON o.recon_date = days.recon_date
    GROUP BY days.recon_date
)
SELECT recon_date,
       CAST(ledger_cents * 0.01 AS DECIMAL(18, 2)) AS ledger_total,
       CAST(dw_cents * 0.01 AS DECIMAL(18, 2)) AS warehouse_total,
       CAST((dw_cents - ledger_cents) * 0.01 AS DECIMAL(18, 2)) AS difference,
       CASE WHEN dw_cents = ledger_cents THEN 'matched'
            WHEN abs(dw_cents - ledger_cents) <= greatest(100, 0.0005 * abs(ledger_cents)) THEN 'within_tolerance'
            ELSE 'broken' END AS status,
       CASE WHEN abs(dw_cents - ledger_cents) > greatest(100, 0.0005 * abs(ledger_cents)) THEN differing[1:3] END AS top_orders
FROM per_day
ORDER BY recon_date;
