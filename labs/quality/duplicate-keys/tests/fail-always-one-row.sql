-- Computes the number of duplicates but never filters: an aggregate without GROUP BY always
-- returns one row (with 0 duplicates), so the check fires on healthy data.
SELECT count(*) - count(DISTINCT order_id) AS duplicate_orders FROM shop.orders;
SELECT count(*) - count(DISTINCT (order_id, line_no)) AS duplicate_lines FROM shop.order_items;
