-- check: a customer does not have exactly one current version
-- check.ko: 현재 버전이 정확히 하나가 아닌 고객이 있습니다
SELECT customer_id FROM dw.dim_customer
GROUP BY customer_id
HAVING count(*) FILTER (WHERE is_current) <> 1;

-- check: is_current does not match valid_to (current rows have valid_to NULL, closed rows a date)
-- check.ko: is_current가 valid_to와 맞지 않습니다(현재 행은 valid_to가 NULL, 닫힌 행은 날짜여야 합니다)
SELECT customer_sk FROM dw.dim_customer
WHERE is_current IS NULL
   OR (is_current AND valid_to IS NOT NULL)
   OR (NOT is_current AND valid_to IS NULL);

-- check: a version ends on or before the day it starts
-- check.ko: 어떤 버전이 시작일이나 그 이전에 끝납니다
SELECT customer_sk FROM dw.dim_customer
WHERE valid_to <= valid_from;

-- check: two versions of one customer overlap or leave a gap (valid_to must equal the next valid_from)
-- check.ko: 한 고객의 두 버전이 겹치거나 사이에 빈틈이 있습니다(valid_to는 다음 버전의 valid_from과 같아야 합니다)
SELECT customer_sk FROM (
    SELECT customer_sk, valid_to,
           lead(valid_from) OVER (PARTITION BY customer_id ORDER BY valid_from) AS next_from
    FROM dw.dim_customer
) AS v
WHERE next_from IS NOT NULL AND valid_to IS DISTINCT FROM next_from;

-- check: a surrogate key is NULL or used twice
-- check.ko: 대리 키가 NULL이거나 두 번 쓰였습니다
SELECT customer_sk FROM dw.dim_customer
GROUP BY customer_sk
HAVING customer_sk IS NULL OR count(*) > 1;
