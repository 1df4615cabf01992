-- Chinese names are searched by two-character words (医院, 银行, 学校) more than by anything longer, and
-- pg_trgm can use its index only for three characters or more. These functions give every single
-- character and every pair of adjacent characters of a text (lower-cased, whitespace left out), so a GIN
-- index over them answers a substring query of any length; the caller re-checks with ILIKE.
CREATE OR REPLACE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT substr(s, i, 1) AS g FROM (SELECT lower(t) AS s) x, generate_series(1, length(x.s)) i
    UNION ALL
    SELECT substr(s, i, 2) FROM (SELECT lower(t) AS s) x, generate_series(1, length(x.s) - 1) i
  ) grams
  WHERE g !~ '\s'
$$;
--> statement-breakpoint
-- What a query must find among a text's grams: its pairs of adjacent characters, or its one character.
CREATE OR REPLACE FUNCTION search_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN cardinality(pairs) > 0 THEN pairs ELSE search_grams(q) END
  FROM (
    SELECT coalesce(array_agg(DISTINCT g), '{}') AS pairs
    FROM (SELECT substr(lower(q), i, 2) AS g FROM generate_series(1, length(q) - 1) i) x
    WHERE g !~ '\s'
  ) p
$$;
