-- Wrong: appends the day without removing what the failed attempt left. The half-loaded rows
-- end up twice, the voided sale stays, and the grader's second run appends the day again.
INSERT INTO dw.sales
SELECT sale_id, store_id, CAST(sold_at AS DATE), sold_at, amount
FROM staging.pos_sales
WHERE CAST(sold_at AS DATE) = (SELECT run_date FROM ops.run_context);
