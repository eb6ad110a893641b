-- check: a sale appears more than once in dw.sales
-- check.ko: dw.sales에 같은 판매가 두 번 이상 나옵니다
SELECT sale_id FROM dw.sales GROUP BY sale_id HAVING count(*) > 1
LIMIT 1;

-- check: a row's sale_date is not the date of its sold_at
-- check.ko: 어떤 행의 sale_date가 sold_at의 날짜와 다릅니다
SELECT sale_id FROM dw.sales WHERE sale_date <> CAST(sold_at AS DATE)
LIMIT 1;

-- check: the run day's partition does not match the staging extract for that day
-- check.ko: 실행일 파티션이 그날의 스테이징 추출분과 맞지 않습니다
SELECT s.sale_id
FROM staging.pos_sales AS s
JOIN ops.run_context AS rc ON CAST(s.sold_at AS DATE) = rc.run_date
WHERE NOT EXISTS (SELECT 1 FROM dw.sales AS t WHERE t.sale_id = s.sale_id AND t.amount = s.amount)
LIMIT 1;
