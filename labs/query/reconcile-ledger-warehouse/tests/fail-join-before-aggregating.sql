-- Wrong: joins the ledger rows to the warehouse rows of the same order and day, then adds up.
-- An order with a capture and a refund on one day has two rows on each side, the join makes four,
-- and every amount of that order is counted twice.
WITH days AS (
    SELECT CAST(g.ts AS DATE) AS recon_date
    FROM ops.recon_window AS w, generate_series(w.date_from, w.date_to, INTERVAL 1 DAY) AS g(ts)
),
orders AS (
    SELECT coalesce(CAST(l.captured_at AS DATE), d.revenue_date) AS recon_date,
           coalesce(l.order_id, d.order_id) AS order_id,
           coalesce(sum(CASE l.kind WHEN 'refund' THEN -l.amount_minor ELSE l.amount_minor END), 0) AS ledger_cents,
           coalesce(CAST(sum(d.revenue) * 100 AS BIGINT), 0) AS dw_cents
    FROM ledger.payments AS l
    FULL JOIN dw.revenue AS d
           ON d.order_id = l.order_id AND d.revenue_date = CAST(l.captured_at AS DATE)
    GROUP BY 1, 2
),
per_day AS (
    SELECT days.recon_date,
           coalesce(sum(o.ledger_cents), 0) AS ledger_cents,
           coalesce(sum(o.dw_cents), 0)     AS dw_cents,
           list(o.order_id ORDER BY abs(o.dw_cents - o.ledger_cents) DESC, o.order_id)
               FILTER (WHERE o.dw_cents <> o.ledger_cents) AS differing
    FROM days LEFT JOIN orders AS o ON o.recon_date = days.recon_date
    GROUP BY days.recon_date
),
judged AS (
    SELECT *,
           CASE WHEN dw_cents = ledger_cents THEN 'matched'
                WHEN abs(dw_cents - ledger_cents) <= greatest(100, 0.0005 * abs(ledger_cents)) THEN 'within_tolerance'
                ELSE 'broken' END AS status
    FROM per_day
)
SELECT recon_date,
       CAST(ledger_cents * 0.01 AS DECIMAL(18, 2)) AS ledger_total,
       CAST(dw_cents * 0.01 AS DECIMAL(18, 2)) AS warehouse_total,
       CAST((dw_cents - ledger_cents) * 0.01 AS DECIMAL(18, 2)) AS difference,
       status,
       CASE WHEN status = 'broken' THEN differing[1:3] END AS top_orders
FROM judged
ORDER BY recon_date;
