-- The same grams as 0009 (every character and adjacent pair, lower-cased, none holding whitespace) worked
-- out in one pass: the set-based version cost ~80 µs a name and slowed large imports four-fold. A pair
-- may now repeat in the array; containment (@>) and the GIN index ignore repeats, so stored values from
-- the first version stay valid.
CREATE OR REPLACE FUNCTION search_grams(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s text := lower(t);
  grams text[] := '{}';
  c text;
  previous text := NULL;
BEGIN
  FOR i IN 1 .. length(s) LOOP
    c := substr(s, i, 1);
    IF c ~ '\s' THEN
      previous := NULL;
      CONTINUE;
    END IF;
    grams := grams || c;
    IF previous IS NOT NULL THEN
      grams := grams || (previous || c);
    END IF;
    previous := c;
  END LOOP;
  RETURN grams;
END
$$;
