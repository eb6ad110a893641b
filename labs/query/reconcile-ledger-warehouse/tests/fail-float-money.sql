-- Wrong: converts the ledger to euros with "/ 100", which gives DOUBLE, and compares it with the
-- warehouse's DECIMAL totals. Binary floating point cannot hold most cent amounts exactly, so some
-- days that agree to the cent end up a few 1e-13 apart and are reported "within tolerance"
-- instead of "matched". Money is compared in integer cents or DECIMAL.
WITH days AS (
    SELECT CAST(g.ts AS DATE) AS recon_date
    FROM ops.recon_window AS w, generate_series(w.date_from, w.date_to, INTERVAL 1 DAY) AS g(ts)
),
ledger_orders AS (
    SELECT CAST(captured_at AS DATE) AS recon_date, order_id,
           sum(CASE kind WHEN 'refund' THEN -amount_minor / 100 ELSE amount_minor / 100 END) AS ledger_eur
    FROM ledger.payments GROUP BY 1, 2
),
dw_orders AS (
    SELECT revenue_date AS recon_date, order_id, sum(revenue) AS dw_eur
    FROM dw.revenue GROUP BY 1, 2
),
orders AS (
    SELECT coalesce(l.recon_date, d.recon_date) AS recon_date, coalesce(l.order_id, d.order_id) AS order_id,
           coalesce(l.ledger_eur, 0) AS ledger_eur, coalesce(d.dw_eur, 0) AS dw_eur
    FROM ledger_orders AS l FULL JOIN dw_orders AS d ON d.recon_date = l.recon_date AND d.order_id = l.order_id
),
per_day AS (
    SELECT days.recon_date,
           coalesce(sum(o.ledger_eur), 0) AS ledger_total,
           coalesce(sum(o.dw_eur), 0) AS warehouse_total,
           list(o.order_id ORDER BY abs(o.dw_eur - o.ledger_eur) DESC, o.order_id)
               FILTER (WHERE abs(o.dw_eur - o.ledger_eur) >= 0.005) AS differing
    FROM days LEFT JOIN orders AS o ON o.recon_date = days.recon_date
    GROUP BY days.recon_date
),
judged AS (
    SELECT *, warehouse_total - ledger_total AS difference,
           CASE WHEN warehouse_total - ledger_total = 0 THEN 'matched'
                WHEN abs(warehouse_total - ledger_total) <= greatest(1.00, 0.0005 * abs(ledger_total)) THEN 'within_tolerance'
                ELSE 'broken' END AS status
    FROM per_day
)
SELECT recon_date, ledger_total, warehouse_total, difference, status,
       CASE WHEN status = 'broken' THEN differing[1:3] END AS top_orders
FROM judged
ORDER BY recon_date;
