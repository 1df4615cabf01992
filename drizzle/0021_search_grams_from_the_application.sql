ALTER TABLE "customer" ALTER COLUMN "search_grams" DROP EXPRESSION;--> statement-breakpoint
-- The grams are worked out by the application where it writes in bulk (rules/search-grams.ts), so an
-- import no longer pays a PL/pgSQL call per row; these triggers fill them for every other writer. The
-- folding is now the same in every locale — Latin A–Z lower-cased, whitespace a fixed set — because the
-- application must produce exactly these arrays, and lower() / '\s' follow the database's ctype.
CREATE OR REPLACE FUNCTION search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_is_space(c text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT position(c IN E' \t\n\r\f\x0B\u00A0\u3000') > 0
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s text := search_fold(t);
  n int := length(s);
  grams text[] := array_fill(NULL::text, ARRAY[2 * n]);
  k int := 0;
  c text;
  previous text := NULL;
BEGIN
  FOR i IN 1 .. n LOOP
    c := substr(s, i, 1);
    IF search_is_space(c) THEN
      previous := NULL;
      CONTINUE;
    END IF;
    k := k + 1;
    grams[k] := c;
    IF previous IS NOT NULL THEN
      k := k + 1;
      grams[k] := previous || c;
    END IF;
    previous := c;
  END LOOP;
  RETURN grams[1:k];
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN cardinality(pairs) > 0 THEN pairs ELSE search_grams(q) END
  FROM (
    SELECT coalesce(array_agg(DISTINCT g), '{}') AS pairs
    FROM (SELECT substr(search_fold(q), i, 2) AS g FROM generate_series(1, length(q) - 1) i) x
    WHERE NOT search_is_space(substr(g, 1, 1)) AND NOT search_is_space(substr(g, 2, 1))
  ) p
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_grams_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_grams := search_grams(NEW.name || ' ' || coalesce(NEW.short_name, ''));
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customer_search_grams_insert BEFORE INSERT ON customer
  FOR EACH ROW WHEN (NEW.search_grams IS NULL) EXECUTE FUNCTION customer_search_grams_fill();
--> statement-breakpoint
-- A rename that brings no grams of its own (every writer but the import) gets them worked out here.
CREATE TRIGGER customer_search_grams_rename BEFORE UPDATE OF name, short_name ON customer
  FOR EACH ROW WHEN ((NEW.name, NEW.short_name) IS DISTINCT FROM (OLD.name, OLD.short_name)
    AND NEW.search_grams IS NOT DISTINCT FROM OLD.search_grams)
  EXECUTE FUNCTION customer_search_grams_fill();
--> statement-breakpoint
-- Rows whose grams the old, locale-dependent folding made differently (non-Latin capitals, other spaces).
UPDATE customer SET search_grams = search_grams(name || ' ' || coalesce(short_name, ''))
WHERE search_grams IS DISTINCT FROM search_grams(name || ' ' || coalesce(short_name, ''));
