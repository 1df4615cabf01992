-- The customer archive brings new permissions. Built-in roles of existing provinces get the defaults
-- (src/domain/org/rules.ts DEFAULT_ROLES); roles an operator created are left for the operator to grant.
INSERT INTO role_permission (province_id, role_code, permission)
SELECT r.province_id, r.code, g.permission
FROM role r
JOIN (VALUES
  ('admin', 'customer:read'), ('admin', 'customer:read_own'), ('admin', 'customer:write'),
  ('admin', 'customer:assign'), ('admin', 'grading:write'),
  ('hq_manager', 'customer:read'), ('hq_manager', 'customer:assign'),
  ('province_manager', 'customer:read'), ('province_manager', 'customer:assign'),
  ('city_manager', 'customer:read'), ('city_manager', 'customer:assign'),
  ('county_manager', 'customer:read'), ('county_manager', 'customer:assign'),
  ('account_manager', 'customer:read_own'), ('account_manager', 'customer:write'),
  ('customer_engineer', 'customer:read_own'),
  ('service_agent', 'customer:read'), ('backoffice', 'customer:read'),
  ('analyst', 'customer:read'), ('analyst', 'grading:write'),
  ('product_manager', 'customer:read'), ('channel_manager', 'customer:read'),
  ('partner', 'customer:read_own')
) AS g(role_code, permission) ON g.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
