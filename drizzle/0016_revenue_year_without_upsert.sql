-- The yearly sums are folded in with an UPDATE of the rows that exist and an INSERT of those that do
-- not, instead of INSERT … ON CONFLICT: embedded PostgreSQL (PGlite) can spin without end on upserts
-- that follow deletes of the same keys, which a merge or a month's re-import does. One function per
-- event, since a statement's transition tables exist only for the events that have them.
CREATE OR REPLACE FUNCTION customer_revenue_year_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_revenue_year y
  SET group_paid_fen = y.group_paid_fen + d.group_paid_fen, member_paid_fen = y.member_paid_fen + d.member_paid_fen
  FROM (SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, sum(group_paid_fen) AS group_paid_fen, sum(member_paid_fen) AS member_paid_fen FROM new_rows GROUP BY 1, 2, 3) d
  WHERE y.province_id = d.province_id AND y.customer_id = d.customer_id AND y.year = d.year;
  INSERT INTO customer_revenue_year (province_id, customer_id, year, group_paid_fen, member_paid_fen)
  SELECT d.province_id, d.customer_id, d.year, d.group_paid_fen, d.member_paid_fen
  FROM (SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, sum(group_paid_fen) AS group_paid_fen, sum(member_paid_fen) AS member_paid_fen FROM new_rows GROUP BY 1, 2, 3) d
  WHERE NOT EXISTS (SELECT 1 FROM customer_revenue_year y
                    WHERE y.province_id = d.province_id AND y.customer_id = d.customer_id AND y.year = d.year);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_revenue_year_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_revenue_year y
  SET group_paid_fen = y.group_paid_fen + d.group_paid_fen, member_paid_fen = y.member_paid_fen + d.member_paid_fen
  FROM (SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, -sum(group_paid_fen) AS group_paid_fen, -sum(member_paid_fen) AS member_paid_fen FROM old_rows GROUP BY 1, 2, 3) d
  WHERE y.province_id = d.province_id AND y.customer_id = d.customer_id AND y.year = d.year;
  INSERT INTO customer_revenue_year (province_id, customer_id, year, group_paid_fen, member_paid_fen)
  SELECT d.province_id, d.customer_id, d.year, d.group_paid_fen, d.member_paid_fen
  FROM (SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, -sum(group_paid_fen) AS group_paid_fen, -sum(member_paid_fen) AS member_paid_fen FROM old_rows GROUP BY 1, 2, 3) d
  WHERE NOT EXISTS (SELECT 1 FROM customer_revenue_year y
                    WHERE y.province_id = d.province_id AND y.customer_id = d.customer_id AND y.year = d.year);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_revenue_year_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_revenue_year y
  SET group_paid_fen = y.group_paid_fen + d.group_paid_fen, member_paid_fen = y.member_paid_fen + d.member_paid_fen
  FROM (SELECT province_id, customer_id, year, sum(group_paid_fen) AS group_paid_fen, sum(member_paid_fen) AS member_paid_fen FROM (SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, -sum(group_paid_fen) AS group_paid_fen, -sum(member_paid_fen) AS member_paid_fen FROM old_rows GROUP BY 1, 2, 3 UNION ALL SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, sum(group_paid_fen) AS group_paid_fen, sum(member_paid_fen) AS member_paid_fen FROM new_rows GROUP BY 1, 2, 3) u GROUP BY 1, 2, 3) d
  WHERE y.province_id = d.province_id AND y.customer_id = d.customer_id AND y.year = d.year;
  INSERT INTO customer_revenue_year (province_id, customer_id, year, group_paid_fen, member_paid_fen)
  SELECT d.province_id, d.customer_id, d.year, d.group_paid_fen, d.member_paid_fen
  FROM (SELECT province_id, customer_id, year, sum(group_paid_fen) AS group_paid_fen, sum(member_paid_fen) AS member_paid_fen FROM (SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, -sum(group_paid_fen) AS group_paid_fen, -sum(member_paid_fen) AS member_paid_fen FROM old_rows GROUP BY 1, 2, 3 UNION ALL SELECT province_id, customer_id, extract(year FROM month)::smallint AS year, sum(group_paid_fen) AS group_paid_fen, sum(member_paid_fen) AS member_paid_fen FROM new_rows GROUP BY 1, 2, 3) u GROUP BY 1, 2, 3) d
  WHERE NOT EXISTS (SELECT 1 FROM customer_revenue_year y
                    WHERE y.province_id = d.province_id AND y.customer_id = d.customer_id AND y.year = d.year);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER revenue_fact_year_insert ON revenue_fact;
--> statement-breakpoint
DROP TRIGGER revenue_fact_year_update ON revenue_fact;
--> statement-breakpoint
DROP TRIGGER revenue_fact_year_delete ON revenue_fact;
--> statement-breakpoint
CREATE TRIGGER revenue_fact_year_insert AFTER INSERT ON revenue_fact
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_revenue_year_added();
--> statement-breakpoint
CREATE TRIGGER revenue_fact_year_update AFTER UPDATE ON revenue_fact
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_revenue_year_changed();
--> statement-breakpoint
CREATE TRIGGER revenue_fact_year_delete AFTER DELETE ON revenue_fact
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_revenue_year_removed();
--> statement-breakpoint
DROP FUNCTION customer_revenue_year_apply();
