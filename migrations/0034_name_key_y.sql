-- A name whose only consonant is y (Yoy, ዮይ, Aya) gets y as its consonant skeleton, as nameKey does (the search found
-- such a child by no Latin spelling); the stored keys of the names it changes are computed again.
CREATE OR REPLACE FUNCTION anvisa_name_key(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = public, pg_catalog AS $$
DECLARE
  vowel_open CONSTANT boolean := normalize(name, NFD) ~ '[\u0620-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06E5-\u06E6\u06EE-\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9\u1200-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\U0001E7E0-\U0001E7E6\U0001E7E8-\U0001E7EB\U0001E7ED-\U0001E7EE\U0001E7F0-\U0001E7FE]';
  keys text[] := '{}';
  reading text;
  l text;
  k text;
BEGIN
  FOREACH reading IN ARRAY anvisa_name_readings(name) LOOP
    l := anvisa_name_letters(reading);
    k := CASE WHEN vowel_open THEN '*' ELSE coalesce(translate(substring(l FROM '[aeiouy]'), 'aeiyou', 'aiiiuu'), '') END
      || '|' || regexp_replace(regexp_replace(l, '[aeiouy]', '', 'g'), '(.)\1+', '\1', 'g');
    -- A name of vowels and y alone (Yoy, ዮይ, Aya): its y is the consonant (nameKey in src/domain/search/names.ts).
    IF k LIKE '%|' AND l LIKE '%y%' THEN
      k := CASE WHEN vowel_open THEN '*' ELSE coalesce(translate(substring(l FROM '[aeiou]'), 'aeiou', 'aiiuu'), '') END
        || '|' || regexp_replace(regexp_replace(l, '[aeiou]', '', 'g'), '(.)\1+', '\1', 'g');
    END IF;
    IF NOT k = ANY (keys) THEN
      keys := keys || k;
    END IF;
  END LOOP;
  RETURN keys;
END
$$;--> statement-breakpoint
UPDATE children SET first_name = first_name
  WHERE EXISTS (SELECT 1 FROM unnest(name_keys) AS k WHERE k LIKE '%|');
