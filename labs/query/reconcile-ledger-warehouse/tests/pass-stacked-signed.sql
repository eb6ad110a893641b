-- Also correct: the classic reconciliation trick. Stack both systems in one list of signed cents
-- (ledger as it is, warehouse as well, tagged by side), so that no join can multiply anything,
-- and aggregate once per order and day.
WITH movements AS (
    SELECT CAST(captured_at AS DATE) AS recon_date, order_id,
           CASE kind WHEN 'refund' THEN -amount_minor ELSE amount_minor END AS ledger_cents,
           0 AS dw_cents
    FROM ledger.payments
    UNION ALL
    SELECT revenue_date, order_id, 0, CAST(revenue * 100 AS BIGINT)
    FROM dw.revenue
),
by_order AS (
    SELECT recon_date, order_id, sum(ledger_cents) AS l, sum(dw_cents) AS d
    FROM movements
    GROUP BY recon_date, order_id
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY recon_date ORDER BY abs(d - l) DESC, order_id) AS rn
    FROM by_order
    WHERE d <> l
),
days AS (
    SELECT CAST(g.ts AS DATE) AS recon_date
    FROM ops.recon_window AS w, generate_series(w.date_from, w.date_to, INTERVAL 1 DAY) AS g(ts)
),
totals AS (
    SELECT days.recon_date,
           coalesce((SELECT sum(l) FROM by_order AS b WHERE b.recon_date = days.recon_date), 0) AS l,
           coalesce((SELECT sum(d) FROM by_order AS b WHERE b.recon_date = days.recon_date), 0) AS d,
           (SELECT list(order_id ORDER BY rn) FROM ranked AS r WHERE r.recon_date = days.recon_date AND rn <= 3) AS top3
    FROM days
)
SELECT recon_date,
       l / 100.0 AS ledger_total,
       d / 100.0 AS warehouse_total,
       (d - l) / 100.0 AS difference,
       CASE WHEN d = l THEN 'matched'
            WHEN 2000 * abs(d - l) <= greatest(200000, abs(l)) THEN 'within_tolerance'
            ELSE 'broken' END AS status,
       CASE WHEN d <> l AND 2000 * abs(d - l) > greatest(200000, abs(l)) THEN top3 END AS top_orders
FROM totals
ORDER BY recon_date;
