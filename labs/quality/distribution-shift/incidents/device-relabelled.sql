-- The new tracking SDK shipped with app release 5.2 (rolled out overnight) reports the device
-- class as 'smartphone' instead of 'mobile'. Dashboards filtering on 'mobile' go to zero.
UPDATE shop.orders SET device = 'smartphone'
WHERE device = 'mobile'
  AND order_ts >= TIMESTAMP '2024-03-17 00:00:00'
  AND order_ts <  TIMESTAMP '2024-03-18 00:00:00';
