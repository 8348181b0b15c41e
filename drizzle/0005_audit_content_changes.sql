-- What an autosave changed, computed where both contents are (the stored row and the new content),
-- so that a save is one statement and the server never reads the old content back. Keys as the
-- audit log has always written them: "values.<code>", "narratives.<key>", "nil", "document",
-- "window", "comparison"; texts longer than 300 characters are cut with "…".
CREATE OR REPLACE FUNCTION audit_small(v jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  CASE jsonb_typeof(v)
    WHEN 'string' THEN
      IF char_length(v #>> '{}') > 300 THEN
        RETURN to_jsonb(left(v #>> '{}', 300) || '…');
      END IF;
      RETURN v;
    WHEN 'array' THEN
      RETURN (SELECT coalesce(jsonb_agg(audit_small(e) ORDER BY i), '[]'::jsonb)
        FROM jsonb_array_elements(v) WITH ORDINALITY AS t(e, i));
    WHEN 'object' THEN
      RETURN (SELECT coalesce(jsonb_object_agg(k, audit_small(e)), '{}'::jsonb) FROM jsonb_each(v) AS t(k, e));
    ELSE
      RETURN v;
  END CASE;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_content_changes(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  WITH keyed AS (
    SELECT f,
      CASE WHEN jsonb_typeof(a -> f) = 'object' THEN a -> f ELSE '{}'::jsonb END AS x,
      CASE WHEN jsonb_typeof(b -> f) = 'object' THEN b -> f ELSE '{}'::jsonb END AS y
    FROM unnest(ARRAY['values', 'narratives']) AS f
  ), changes AS (
    SELECT keyed.f || '.' || k AS key, keyed.x -> k AS old, keyed.y -> k AS new
    FROM keyed, LATERAL (SELECT jsonb_object_keys(keyed.x) UNION SELECT jsonb_object_keys(keyed.y)) AS keys(k)
    WHERE (keyed.x -> k) IS DISTINCT FROM (keyed.y -> k)
    UNION ALL
    SELECT f, a -> f, b -> f
    FROM unnest(ARRAY['nil', 'document', 'window', 'comparison']) AS f
    WHERE (a -> f) IS DISTINCT FROM (b -> f)
  )
  SELECT jsonb_build_object(
    'before', coalesce(jsonb_object_agg(key, audit_small(coalesce(old, 'null'::jsonb))), '{}'::jsonb),
    'after', coalesce(jsonb_object_agg(key, audit_small(coalesce(new, 'null'::jsonb))), '{}'::jsonb))
  FROM changes
$$;
