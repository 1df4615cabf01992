-- ltree: org-tree paths, so data scope ("the caller's subtree") is one indexed test.
CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
-- pg_trgm: Chinese substring search on names (needs a UTF-8 ctype; the app warns under the C locale).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
