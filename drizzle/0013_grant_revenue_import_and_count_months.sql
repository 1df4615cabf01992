-- Monthly revenue imports bring the permission revenue:import. Built-in roles of existing provinces get
-- the defaults (src/domain/org/rules.ts DEFAULT_ROLES: administrators and province managers); roles an
-- operator created are left for the operator to grant.
INSERT INTO role_permission (province_id, role_code, permission)
SELECT r.province_id, r.code, g.permission
FROM role r
JOIN (VALUES ('admin', 'revenue:import'), ('province_manager', 'revenue:import'))
  AS g(role_code, permission) ON g.role_code = r.code
WHERE r.builtin
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Months already holding facts (generated demo data) are counted once, so the months list shows them.
INSERT INTO revenue_month
  (province_id, month, row_count, customer_count, group_paid_fen, member_paid_fen, source)
SELECT province_id, month, count(*)::int, count(DISTINCT customer_id)::int,
  coalesce(sum(group_paid_fen), 0), coalesce(sum(member_paid_fen), 0), 'generated'
FROM revenue_fact
GROUP BY province_id, month
ON CONFLICT DO NOTHING;
