-- The new tracking SDK shipped with an app release rolled out the night before the judged day
-- reports the device class as 'smartphone' instead of 'mobile'. Dashboards filtering on
-- 'mobile' go to zero.
UPDATE shop.orders SET device = 'smartphone'
WHERE device = 'mobile'
  AND order_ts >= (SELECT CAST(as_of AS DATE) - 1 FROM ops.run_context)
  AND order_ts <  (SELECT CAST(as_of AS DATE) FROM ops.run_context);
