-- The name search as index lookups (issue 4's benchmark): the transliteration keys of a child's names kept by the
-- database, and trigrams of the names as written. The three functions are src/domain/search/names.ts (`letters`,
-- `nameKey`, `nameKeys`) written in SQL (words split at what JavaScript's \s matches); src/children/name-keys.int.test.ts
-- holds them to the same answers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE FUNCTION anvisa_name_letters(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(replace(replace(
    lower(regexp_replace(regexp_replace(normalize(translate(name, 'ÅÄÖåäö', 'AAOaao'), NFD), '[\u0300-\u036f]', '', 'g'), '[^A-Za-z]', '', 'g')),
    'ph', 'f'), 'q', 'k'), 'w', 'v'), 'kh', 'h'), 'ou', 'u'), 'ee', 'i')
$$;--> statement-breakpoint
CREATE FUNCTION anvisa_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(translate(substring(l FROM '[aeiouy]'), 'aeiyou', 'aiiiuu'), '') || '|'
    || regexp_replace(regexp_replace(l, '[aeiouy]', '', 'g'), '(.)\1+', '\1', 'g')
  FROM (SELECT anvisa_name_letters(name) AS l) letters
$$;--> statement-breakpoint
CREATE FUNCTION anvisa_name_keys(first_name text, last_name text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(
    SELECT DISTINCT anvisa_name_key(n) FROM unnest(ARRAY[first_name, last_name]) n
    UNION
    SELECT anvisa_name_key(w) FROM unnest(regexp_split_to_array(first_name, '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+') || regexp_split_to_array(last_name, '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+')) w WHERE w <> ''
    ORDER BY 1)
$$;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "name_keys" text[] GENERATED ALWAYS AS (anvisa_name_keys(first_name, last_name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "children_name_keys_idx" ON "children" USING gin ("name_keys");--> statement-breakpoint
CREATE INDEX "children_name_trgm_idx" ON "children" USING gin ((first_name || '|' || last_name) gin_trgm_ops);
