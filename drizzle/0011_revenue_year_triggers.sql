-- customer_revenue_year follows revenue_fact whoever writes it (imports, merges, the demo generator):
-- statement-level triggers fold each statement's rows into the yearly sums in one upsert, so a bulk
-- import pays one aggregate per statement, not a trigger call per row.
CREATE OR REPLACE FUNCTION customer_revenue_year_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO customer_revenue_year AS y (province_id, customer_id, year, group_paid_fen, member_paid_fen)
    SELECT province_id, customer_id, extract(year FROM month)::smallint, -sum(group_paid_fen), -sum(member_paid_fen)
    FROM old_rows GROUP BY 1, 2, 3
    ON CONFLICT (province_id, customer_id, year) DO UPDATE
      SET group_paid_fen = y.group_paid_fen + excluded.group_paid_fen,
          member_paid_fen = y.member_paid_fen + excluded.member_paid_fen;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO customer_revenue_year AS y (province_id, customer_id, year, group_paid_fen, member_paid_fen)
    SELECT province_id, customer_id, extract(year FROM month)::smallint, sum(group_paid_fen), sum(member_paid_fen)
    FROM new_rows GROUP BY 1, 2, 3
    ON CONFLICT (province_id, customer_id, year) DO UPDATE
      SET group_paid_fen = y.group_paid_fen + excluded.group_paid_fen,
          member_paid_fen = y.member_paid_fen + excluded.member_paid_fen;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER revenue_fact_year_insert AFTER INSERT ON revenue_fact
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_revenue_year_apply();
--> statement-breakpoint
CREATE TRIGGER revenue_fact_year_update AFTER UPDATE ON revenue_fact
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_revenue_year_apply();
--> statement-breakpoint
CREATE TRIGGER revenue_fact_year_delete AFTER DELETE ON revenue_fact
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_revenue_year_apply();
--> statement-breakpoint
INSERT INTO customer_revenue_year (province_id, customer_id, year, group_paid_fen, member_paid_fen)
SELECT province_id, customer_id, extract(year FROM month)::smallint, sum(group_paid_fen), sum(member_paid_fen)
FROM revenue_fact GROUP BY 1, 2, 3;
