-- The name-search functions call one another unqualified. A restore (pg_restore) computes the generated column
-- children.name_keys with search_path = '' and found none of them; each function now names its own search path.
ALTER FUNCTION anvisa_name_latin(text) SET search_path = public, pg_catalog;--> statement-breakpoint
ALTER FUNCTION anvisa_name_letters(text) SET search_path = public, pg_catalog;--> statement-breakpoint
ALTER FUNCTION anvisa_name_readings(text) SET search_path = public, pg_catalog;--> statement-breakpoint
ALTER FUNCTION anvisa_name_key(text) SET search_path = public, pg_catalog;--> statement-breakpoint
ALTER FUNCTION anvisa_name_keys(text, text) SET search_path = public, pg_catalog;
