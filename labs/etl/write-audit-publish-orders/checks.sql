-- check: stage.orders_audit must hold exactly the current batch: clear the previous run's rows before you write
-- check.ko: stage.orders_audit에는 현재 배치만 정확히 있어야 합니다. 쓰기 전에 이전 실행의 행을 지우세요
SELECT 1
FROM stage.orders_audit
WHERE batch_id IS DISTINCT FROM (SELECT batch_id FROM ops.run_context);

-- check: stage.orders_audit must hold every row of the current batch from landing.orders
-- check.ko: stage.orders_audit에는 landing.orders에 있는 현재 배치의 모든 행이 있어야 합니다
SELECT 1
WHERE (SELECT count(*) FROM stage.orders_audit)
   <> (SELECT count(*) FROM landing.orders WHERE batch_id = (SELECT batch_id FROM ops.run_context));
